import { mergeAttributes, Node, type Extensions } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { DECISION_NODE } from '../../model/documentSchema.ts';
import { ja } from '../i18n/ja.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    decision: {
      /** Wraps the selected blocks in a 「決定事項」 block, or unwraps them. */
      toggleDecision: () => ReturnType;
    };
  }
}

/**
 * 「決定事項」: a block of paragraphs or lists, each line one decision. The server reads them
 * from the minutes when the meeting closes (model/meetingMinutes.ts), by this node's name.
 */
export const Decision = Node.create({
  name: DECISION_NODE,
  group: 'block',
  content: 'block+',
  defining: true,
  parseHTML: () => [{ tag: 'section[data-type="decision"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'decision', 'data-label': ja.meetings.editor.decision, class: 'minutes-decision' }),
    0,
  ],
  addCommands() {
    return { toggleDecision: () => ({ commands }) => commands.toggleWrap(this.name) };
  },
});

/** What meeting minutes add to the case minutes' editor: tables, checklists, 決定事項. */
export const meetingMinutesExtensions: Extensions = [
  TableKit.configure({ table: { resizable: false } }),
  TaskList,
  TaskItem.configure({ nested: true }),
  Decision,
];

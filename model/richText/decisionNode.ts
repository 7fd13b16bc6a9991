import { mergeAttributes, Node } from '@tiptap/core';
import { DECISION_NODE } from '../documentSchema.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    decision: {
      /** Wraps the selected blocks in a 「決定事項」 block, or unwraps them. */
      toggleDecision: () => ReturnType;
    };
  }
}

export interface DecisionOptions {
  /** The block's heading on screen and paper; the app passes it from its catalogue. */
  readonly label: string;
}

/**
 * 「決定事項」: a block of paragraphs or lists, each line one decision. The server reads them
 * from the minutes when the meeting closes (model/meetingMinutes.ts), by this node's name, and
 * checks every update of meeting minutes against a schema that includes this node, so the node
 * is defined here, without React, for both sides.
 */
export const Decision = Node.create<DecisionOptions>({
  name: DECISION_NODE,
  group: 'block',
  content: 'block+',
  defining: true,
  addOptions: () => ({ label: '' }),
  parseHTML: () => [{ tag: 'section[data-type="decision"]' }],
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'decision', 'data-label': this.options.label, class: 'minutes-decision' }), 0];
  },
  addCommands() {
    return { toggleDecision: () => ({ commands }) => commands.toggleWrap(this.name) };
  },
});

import type { Editor } from '@tiptap/core';
import { ja } from '../i18n/ja.ts';

const t = ja.meetings.editor;

/** The few formats that need a button: typed shortcuts cover headings and lists. */
export function MinutesToolbar({ editor, disabled }: { readonly editor: Editor; readonly disabled: boolean }) {
  return (
    <div role="toolbar" aria-label={t.toolbar} className="minutes-toolbar">
      <button type="button" className="button button--secondary button--small" disabled={disabled} onClick={() => editor.chain().focus().toggleDecision().run()}>
        {t.decisionBlock}
      </button>
      <button type="button" className="button button--secondary button--small" disabled={disabled} onClick={() => editor.chain().focus().toggleTaskList().run()}>
        {t.taskList}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={disabled}
        onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        {t.table}
      </button>
    </div>
  );
}

import type { HocuspocusProvider } from '@hocuspocus/provider';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { minutesExtensions, type MinutesKind } from '../../model/richText/minutesSchema.ts';
import type { AwarenessUser } from '../collab/awarenessUser.ts';
import { ja } from '../i18n/ja.ts';
import { renderCaret, renderSelection } from './caretRendering.ts';
import { CompositionGuard } from './compositionGuard.ts';
import './richText.css';

interface MinutesEditorProps {
  readonly document: Y.Doc;
  /** Null for a past state (履歴): no one else's caret, and nothing sent anywhere. */
  readonly provider: HocuspocusProvider | null;
  readonly user: AwarenessUser | null;
  readonly describedBy?: string;
  readonly editable: boolean;
  /**
   * Which document this is; its schema (model/richText/) is the one the server checks every
   * update against. Fixed for the editor's life.
   */
  readonly kind: MinutesKind;
  readonly label?: string;
  /** Formatting controls above the text. */
  readonly toolbar?: (editor: Editor) => ReactNode;
  /** The selected text, or the line the caret is in, whenever the selection moves. */
  readonly onSelectedLine?: (text: string) => void;
}

function selectedLine(editor: Editor): string {
  const { from, to, empty, $from } = editor.state.selection;
  return (empty ? $from.parent.textContent : editor.state.doc.textBetween(from, to, '\n')).trim();
}

/**
 * The minutes editor. Content comes only from the Y.Doc: passing `content` here would be
 * inserted again by every client that opens the case.
 */
export function MinutesEditor({ document, provider, user, describedBy, editable, kind, label = ja.minutes.editorLabel, toolbar, onSelectedLine }: MinutesEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // The document's nodes and marks, exactly as the server accepts them: nothing added here.
        ...minutesExtensions(kind, { decisionLabel: ja.meetings.editor.decision }),
        Collaboration.configure({ document, field: MINUTES_FRAGMENT }),
        // Remote edits arriving during an IME composition must not break it (see the guard).
        CompositionGuard,
        ...(provider && user
          ? [
              CollaborationCaret.configure({
                provider,
                user,
                render: renderCaret,
                selectionRender: renderSelection,
              }),
            ]
          : []),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          class: 'minutes-editor__content',
          spellcheck: 'false',
        },
      },
      editable,
      shouldRerenderOnTransaction: false,
    },
    [document, provider],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (!editor || !onSelectedLine) return;
    const report = () => onSelectedLine(selectedLine(editor));
    editor.on('selectionUpdate', report);
    return () => {
      editor.off('selectionUpdate', report);
    };
  }, [editor, onSelectedLine]);

  return (
    <>
      {editor && toolbar?.(editor)}
      <EditorContent editor={editor} className="minutes-editor" />
    </>
  );
}

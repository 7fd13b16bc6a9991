import { getSchema, type Extensions } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import type { CaseDocumentName } from '../documentNames.ts';
import { Decision } from './decisionNode.ts';

/**
 * The kinds of rich-text document, each with one schema: the case's 議事録 and a 支援会議's own
 * minutes (which add tables, checklists and 「決定事項」). Every editor, print and revision view
 * in the app and the server's validation of every update use the lists below, so that no view
 * can drop what another one wrote (y-tiptap deletes nodes its schema lacks, and sends that).
 */
export const minutesKinds = ['case-minutes', 'meeting-minutes'] as const;
export type MinutesKind = (typeof minutesKinds)[number];

export interface MinutesExtensionOptions {
  /** The heading of a 「決定事項」 block, from the app's catalogue; the schema does not depend on it. */
  readonly decisionLabel?: string;
}

/** The minutes of a case document name: a meeting's own minutes, or the case's. */
export function minutesKindOf(name: Pick<CaseDocumentName, 'meetingId'>): MinutesKind {
  return name.meetingId === undefined ? 'case-minutes' : 'meeting-minutes';
}

/**
 * The Tiptap extensions that define the document of one kind. Editors add behaviour on top
 * (collaboration, carets, the IME guard), never nodes or marks.
 */
export function minutesExtensions(kind: MinutesKind, options: MinutesExtensionOptions = {}): Extensions {
  // Yjs keeps its own undo history (only this person's changes); ProseMirror's would fight it.
  const base: Extensions = [StarterKit.configure({ undoRedo: false })];
  if (kind === 'case-minutes') return base;
  return [
    ...base,
    TableKit.configure({ table: { resizable: false } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Decision.configure({ label: options.decisionLabel ?? '' }),
  ];
}

const schemas = new Map<MinutesKind, Schema>();

/** The ProseMirror schema of one kind, built once per process. */
export function minutesSchema(kind: MinutesKind): Schema {
  let schema = schemas.get(kind);
  if (!schema) {
    schema = getSchema(minutesExtensions(kind));
    schemas.set(kind, schema);
  }
  return schema;
}

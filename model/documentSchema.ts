/**
 * Names of the Yjs root types inside each case document, and the schema version
 * written into every document's meta map. Bump the version when a root's shape changes
 * and add a migration next to it.
 */
export const DOCUMENT_SCHEMA_VERSION = 3;

/** Root map present in every document: schemaVersion and the like. */
export const META_ROOT = 'meta';
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** The Tiptap/ProseMirror fragment holding the minutes (議事録). */
export const MINUTES_FRAGMENT = 'minutes';

/**
 * The 「決定事項」 block of meeting minutes: a Tiptap node holding paragraphs or lists, each of
 * which is one decision. The server reads them when a meeting is closed.
 */
export const DECISION_NODE = 'decision';

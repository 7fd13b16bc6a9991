import type { Document, Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { parseCaseDocumentName } from '../../model/documentNames.ts';
import { ATTRIBUTION_ROOT, type FieldChange } from '../../model/sections/attribution.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import type { KasaneContext } from './context.ts';
import type { ServerWriter } from './serverOrigin.ts';

/** Yjs' own type for the shared types a transaction changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never;

// One person typing into one field is one change, not one per keystroke.
const REFRESH_AFTER_MS = 60_000;

/** The path of a value inside its document: root name, then map keys, joined by '/'. */
function pathOf(type: SharedType, key: string | null, roots: Map<SharedType, string>): string | null {
  const parts: string[] = key === null ? [] : [key];
  let current: SharedType = type;
  for (;;) {
    const root = roots.get(current);
    if (root !== undefined) return [root, ...parts].join('/');
    const item = current._item;
    if (!item || item.parentSub === null) return null; // inside a list or rich text: not a field
    parts.unshift(item.parentSub);
    current = item.parent as SharedType;
  }
}

/**
 * Records 入力者・入力日時 per field: after a client's change is applied, the server writes who
 * (from the verified token) and when into the document's `changedBy` root. Clients may read
 * it but never write it (UpdateValidationExtension refuses that).
 */
export class FieldAttributionExtension implements Extension {
  extensionName = 'kasane-field-attribution';
  private readonly writer: ServerWriter;

  constructor(writer: ServerWriter) {
    this.writer = writer;
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const parsed = parseCaseDocumentName(documentName);
    if (!parsed || parsed.view === 'masked' || !(ATTRIBUTION_ROOT in sectionDefinitions[parsed.section].roots)) return;
    document.on('afterTransaction', (transaction: Y.Transaction) => {
      const origin = transaction.origin as { source?: string; connection?: { context: KasaneContext } } | null;
      if (origin?.source !== 'connection' || !origin.connection) return;
      const paths = this.changedPaths(document, transaction);
      if (paths.size > 0) this.record(document, paths, origin.connection.context);
    });
  }

  private changedPaths(document: Document, transaction: Y.Transaction): Set<string> {
    const roots = new Map<SharedType, string>();
    for (const [name, type] of document.share) roots.set(type, name);
    const paths = new Set<string>();
    for (const [type, keys] of transaction.changed) {
      for (const key of keys.size > 0 ? keys : [null]) {
        const path = pathOf(type, key, roots);
        if (path && !path.startsWith(`${ATTRIBUTION_ROOT}/`)) paths.add(path);
      }
    }
    return paths;
  }

  private record(document: Document, paths: Set<string>, context: KasaneContext): void {
    const attribution = document.getMap<FieldChange>(ATTRIBUTION_ROOT);
    const now = Date.now();
    const stale = [...paths].filter((path) => {
      const previous = attribution.get(path);
      return !previous || previous.userId !== context.user.id || now - Date.parse(previous.at) > REFRESH_AFTER_MS;
    });
    if (stale.length === 0) return;
    const change: FieldChange = {
      userId: context.user.id,
      name: context.user.name,
      agencyId: context.user.agencyId,
      agencyName: context.user.agencyName,
      at: new Date(now).toISOString(),
    };
    // Not inside the client's transaction: its observers are still running.
    queueMicrotask(() => {
      void this.writer.write(document, { userId: context.user.id, agencyId: context.user.agencyId }, () => {
        for (const path of stale) attribution.set(path, change);
      });
    });
  }
}

import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { readEcomapRecords, writeEcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { caseDocumentName, type CaseSection } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { ATTRIBUTION_ROOT } from '../../model/sections/attribution.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { syncObject, type PlainValue } from '../../model/sections/yjsValues.ts';
import type { ServerWriter } from '../collaboration/serverOrigin.ts';
import type { Database } from '../db/database.ts';
import type { UpdateAuthor } from '../store/updateLog.ts';
import { RevisionStore } from './revisionStore.ts';

function copyXml(node: Y.XmlElement | Y.XmlText): Y.XmlElement | Y.XmlText {
  if (node instanceof Y.XmlText) {
    const copy = new Y.XmlText();
    copy.applyDelta(node.toDelta());
    return copy;
  }
  const copy = new Y.XmlElement(node.nodeName);
  for (const [key, value] of Object.entries(node.getAttributes())) copy.setAttribute(key, value as string);
  copy.insert(0, node.toArray().filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText).map((child) => copyXml(child as Y.XmlElement | Y.XmlText)));
  return copy;
}

/**
 * 復元: brings a section back to how it was at `seq` as a new change on top of the present,
 * made by `author` through the live document (everyone with it open sees it at once). Nothing
 * is erased: the log keeps every version, and the restore itself is recorded as such.
 */
export async function restoreSection(
  deps: { hocuspocus: Hocuspocus; database: Database; writer: ServerWriter },
  caseId: string,
  section: CaseSection,
  seq: number,
  author: UpdateAuthor,
): Promise<number | null> {
  const documentName = caseDocumentName(caseId, section);
  const past = await new RevisionStore(deps.database).stateAt(documentName, seq);
  const connection = await deps.hocuspocus.openDirectConnection(documentName, { server: true });
  try {
    const document = connection.document;
    if (!document) return null;
    const definition = sectionDefinitions[section];
    const restoredSeq = await deps.writer.write(document, author, () => {
      if (section === 'minutes') {
        const fragment = document.getXmlFragment(MINUTES_FRAGMENT);
        if (fragment.length > 0) fragment.delete(0, fragment.length);
        fragment.insert(0, past.getXmlFragment(MINUTES_FRAGMENT).toArray().filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText).map((child) => copyXml(child as Y.XmlElement | Y.XmlText)));
        return;
      }
      for (const [root, kind] of Object.entries(definition.roots)) {
        if (root === ATTRIBUTION_ROOT) continue;
        if (kind === 'records') {
          writeEcomapRecords(document.getArray(root), readEcomapRecords(past.getArray(root)));
          continue;
        }
        syncObject(document.getMap(root), past.getMap(root).toJSON() as Record<string, PlainValue>, definition.textKeys);
      }
    });
    if (restoredSeq !== null) {
      await deps.database.query(
        'insert into document_restores (document_name, seq, restored_from_seq) values ($1, $2, $3)',
        [documentName, restoredSeq, seq],
      );
    }
    return restoredSeq;
  } finally {
    past.destroy();
    await connection.disconnect();
  }
}

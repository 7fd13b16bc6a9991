import type { Hocuspocus } from '@hocuspocus/server';
import { caseDocumentName, type CaseSection } from '../../model/documentNames.ts';
import { sectionReaders } from '../../model/sections/sectionReaders.ts';
import type { ServerWriter } from '../collaboration/serverOrigin.ts';
import type { Database } from '../db/database.ts';
import type { UpdateAuthor } from '../store/updateLog.ts';
import { HistoryRepository } from '../store/historyRepository.ts';
import { RevisionStore } from '../store/revisionStore.ts';

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
    const restoredSeq = await deps.writer.write(document, author, () => sectionReaders[section].restore(document, past));
    if (restoredSeq !== null) {
      await new HistoryRepository(deps.database).recordRestore(documentName, restoredSeq, seq);
    }
    return restoredSeq;
  } finally {
    past.destroy();
    await connection.disconnect();
  }
}

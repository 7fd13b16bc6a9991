import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { CaseEvent } from '../../model/caseEvents.ts';
import { CloseCode } from '../../model/closeCodes.ts';
import { meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { decisionsIn } from '../../model/meetingMinutes.ts';
import { meetingVersionName, type Meeting } from '../../model/meetings.ts';
import type { Database } from '../db/database.ts';
import { nameVersion } from '../store/namedVersions.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';

/**
 * 終了: the minutes become a named version of the case (「第2回支援会議 議事録（2026年11月20日）」)
 * and their 決定事項 are kept with the meeting. The minutes are read from the live document, so
 * what was typed a moment ago (acknowledged, hence already in the update log) is included.
 * Resolves false when the meeting had already been closed.
 *
 * From then on the minutes are read-only for everyone (AuthenticationExtension). Whoever is
 * writing in them is closed out with 'meeting-closed' before the decisions are read, so that the
 * named version is the last word; their pages reopen the minutes, read-only once the close is
 * committed. Closing rather than flipping `readOnly` keeps the live document and the update log
 * equal: an update already being persisted is then applied as well, not persisted and dropped.
 * Writers on other instances are closed out by the 'meeting-closed' case event, published once
 * the close is committed (so that they reopen read-only). Until it arrives there (milliseconds),
 * what they type is still stored, after the named version; the version itself is unaffected.
 */
export async function closeMeeting(
  deps: { hocuspocus: Hocuspocus; database: Database; publish: (event: CaseEvent) => Promise<void> },
  meeting: Meeting,
  closedBy: string,
): Promise<boolean> {
  const connection = await deps.hocuspocus.openDirectConnection(meetingMinutesDocumentName(meeting.caseId, meeting.id), { server: true });
  try {
    const document = connection.document;
    if (!document) throw new Error('minutes not loaded');
    closeWriters(document.getConnections());
    const decisions = decisionsIn(document);
    const closed = await deps.database.transaction(async (tx) => {
      const versionId = await nameVersion(tx, meeting.caseId, meetingVersionName(meeting), closedBy);
      const closed = await new MeetingRepository(tx).close(meeting.id, closedBy, decisions, versionId);
      // Throwing rolls the version back: a meeting closed twice keeps its first version only.
      if (!closed) throw new AlreadyClosed();
      return true;
    }).catch((error: unknown) => {
      if (error instanceof AlreadyClosed) return false;
      throw error;
    });
    if (closed) await deps.publish({ type: 'meeting-closed', caseId: meeting.caseId, meetingId: meeting.id });
    return closed;
  } finally {
    // Whoever reopened between the first sweep and the commit was let in read-write: out again.
    if (connection.document) closeWriters(connection.document.getConnections());
    await connection.disconnect();
  }
}

/** The 'meeting-closed' case event on this instance: whoever writes in the minutes is closed out. */
export function closeMinutesWriters(hocuspocus: Hocuspocus, caseId: string, meetingId: string): void {
  const document = hocuspocus.documents.get(meetingMinutesDocumentName(caseId, meetingId));
  if (document) closeWriters(document.getConnections());
}

function closeWriters(connections: Connection[]): void {
  for (const writer of connections) {
    if (!writer.readOnly) writer.close({ code: CloseCode.MeetingClosed.code, reason: CloseCode.MeetingClosed.reason });
  }
}

class AlreadyClosed extends Error {}

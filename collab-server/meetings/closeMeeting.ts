import type { Hocuspocus } from '@hocuspocus/server';
import { meetingMinutesDocumentName } from '../../model/documentNames.ts';
import { decisionsIn } from '../../model/meetingMinutes.ts';
import { meetingVersionName, type Meeting } from '../../model/meetings.ts';
import type { Database } from '../db/database.ts';
import { nameVersion } from '../history/namedVersions.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';

/**
 * 終了: the minutes become a named version of the case (「第2回支援会議 議事録（2026年11月20日）」)
 * and their 決定事項 are kept with the meeting. The minutes are read from the live document, so
 * what was typed a moment ago (acknowledged, hence already in the update log) is included.
 * Resolves false when the meeting had already been closed.
 */
export async function closeMeeting(
  deps: { hocuspocus: Hocuspocus; database: Database },
  meeting: Meeting,
  closedBy: string,
): Promise<boolean> {
  const connection = await deps.hocuspocus.openDirectConnection(meetingMinutesDocumentName(meeting.caseId, meeting.id), { server: true });
  try {
    const document = connection.document;
    if (!document) throw new Error('minutes not loaded');
    const decisions = decisionsIn(document);
    return await deps.database.transaction(async (tx) => {
      const versionId = await nameVersion(tx, meeting.caseId, meetingVersionName(meeting), closedBy);
      const closed = await new MeetingRepository(tx).close(meeting.id, closedBy, decisions, versionId);
      // Throwing rolls the version back: a meeting closed twice keeps its first version only.
      if (!closed) throw new AlreadyClosed();
      return true;
    }).catch((error: unknown) => {
      if (error instanceof AlreadyClosed) return false;
      throw error;
    });
  } finally {
    await connection.disconnect();
  }
}

class AlreadyClosed extends Error {}

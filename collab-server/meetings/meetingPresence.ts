import type { Extension, Hocuspocus, connectedPayload, onDisconnectPayload } from '@hocuspocus/server';
import { meetingMinutesDocumentName, parseCaseDocumentName } from '../../model/documentNames.ts';
import type { MeetingAttendee, MeetingPresence } from '../../model/meetings.ts';
import type { KasaneContext } from '../collaboration/context.ts';

function minutesDocuments(hocuspocus: Hocuspocus, caseId: string, meetingId: string) {
  return (['source', 'masked'] as const)
    .map((view) => hocuspocus.documents.get(meetingMinutesDocumentName(caseId, meetingId, view)))
    .filter((document) => document !== undefined);
}

/**
 * Who has a meeting's minutes open, from the server's own connections and the identity
 * authentication verified for each: a client cannot claim to be present, or to be someone else.
 * Both the source and the masked view count (an agency seeing the minutes masked still attends).
 */
export function meetingPresence(hocuspocus: Hocuspocus, caseId: string, meetingId: string): MeetingAttendee[] {
  const present = new Map<string, MeetingAttendee>();
  for (const document of minutesDocuments(hocuspocus, caseId, meetingId)) {
    for (const connection of document.getConnections()) {
      const context = connection.context as KasaneContext | undefined;
      if (!context || present.has(context.user.id)) continue;
      present.set(context.user.id, { userId: context.user.id, name: context.user.name, agencyId: context.user.agencyId, agencyName: context.user.agencyName });
    }
  }
  return [...present.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'ja') || a.name.localeCompare(b.name, 'ja'));
}

/**
 * Keeps every open meeting page's 出席者 list current: whenever a connection to a meeting's
 * minutes opens or closes, the server sends the list it sees to everyone who has them open.
 */
export class MeetingPresenceExtension implements Extension {
  extensionName = 'kasane-meeting-presence';

  async connected({ documentName, instance }: connectedPayload): Promise<void> {
    this.broadcast(instance, documentName);
  }

  async onDisconnect({ documentName, instance }: onDisconnectPayload): Promise<void> {
    this.broadcast(instance, documentName);
  }

  private broadcast(hocuspocus: Hocuspocus, documentName: string): void {
    const parsed = parseCaseDocumentName(documentName);
    if (parsed?.meetingId === undefined) return;
    const message: MeetingPresence & { type: 'meeting-presence' } = {
      type: 'meeting-presence',
      present: meetingPresence(hocuspocus, parsed.caseId, parsed.meetingId),
    };
    const payload = JSON.stringify(message);
    for (const document of minutesDocuments(hocuspocus, parsed.caseId, parsed.meetingId)) {
      for (const connection of document.getConnections()) connection.sendStateless(payload);
    }
  }
}

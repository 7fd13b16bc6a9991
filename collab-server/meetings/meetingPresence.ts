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
 * Who has a meeting's minutes open on this instance, from its own connections and the identity
 * authentication verified for each: a client cannot claim to be present, or to be someone else.
 * Both the source and the masked view count (an agency seeing the minutes masked still attends).
 */
export function localMeetingPresence(hocuspocus: Hocuspocus, caseId: string, meetingId: string): MeetingAttendee[] {
  const present = new Map<string, MeetingAttendee>();
  for (const document of minutesDocuments(hocuspocus, caseId, meetingId)) {
    for (const connection of document.getConnections()) {
      const context = connection.context as KasaneContext | undefined;
      if (!context || present.has(context.user.id)) continue;
      present.set(context.user.id, { userId: context.user.id, name: context.user.name, agencyId: context.user.agencyId, agencyName: context.user.agencyName });
    }
  }
  return [...present.values()];
}

/** The meetings whose minutes this instance has open, each once. */
export function localMeetings(hocuspocus: Hocuspocus): { caseId: string; meetingId: string }[] {
  const meetings = new Map<string, { caseId: string; meetingId: string }>();
  for (const name of hocuspocus.documents.keys()) {
    const parsed = parseCaseDocumentName(name);
    if (parsed?.meetingId !== undefined) meetings.set(`${parsed.caseId}/${parsed.meetingId}`, { caseId: parsed.caseId, meetingId: parsed.meetingId });
  }
  return [...meetings.values()];
}

// Another instance re-announces what it has every PRESENCE_REFRESH_MS (server.ts); an instance
// that stopped without saying so (killed) drops out of the list after this.
export const PRESENCE_REFRESH_MS = 15_000;
const PRESENCE_EXPIRES_MS = 3 * PRESENCE_REFRESH_MS;

/**
 * Meeting presence across instances: this instance's verified connections, plus what the other
 * instances last announced on the case-event bus. The list shown is the union.
 */
export class MeetingPresenceBoard {
  private readonly hocuspocus: () => Hocuspocus;
  /** `${caseId}/${meetingId}` → announcing instance → its attendees. */
  private readonly remote = new Map<string, Map<string, { attendees: MeetingAttendee[]; seenAt: number }>>();

  constructor(hocuspocus: () => Hocuspocus) {
    this.hocuspocus = hocuspocus;
  }

  /** What another instance announced it has (its whole list for the meeting). */
  record(origin: string, caseId: string, meetingId: string, attendees: MeetingAttendee[]): void {
    const key = `${caseId}/${meetingId}`;
    const byOrigin = this.remote.get(key) ?? new Map<string, { attendees: MeetingAttendee[]; seenAt: number }>();
    if (attendees.length === 0) byOrigin.delete(origin);
    else byOrigin.set(origin, { attendees, seenAt: Date.now() });
    if (byOrigin.size === 0) this.remote.delete(key);
    else this.remote.set(key, byOrigin);
  }

  /** Everyone present on any instance, each once, in 機関・氏名 order. */
  present(caseId: string, meetingId: string): MeetingAttendee[] {
    const present = new Map<string, MeetingAttendee>();
    for (const attendee of localMeetingPresence(this.hocuspocus(), caseId, meetingId)) present.set(attendee.userId, attendee);
    const byOrigin = this.remote.get(`${caseId}/${meetingId}`);
    const now = Date.now();
    for (const [origin, entry] of byOrigin ?? []) {
      if (now - entry.seenAt > PRESENCE_EXPIRES_MS) {
        byOrigin?.delete(origin);
        continue;
      }
      for (const attendee of entry.attendees) if (!present.has(attendee.userId)) present.set(attendee.userId, attendee);
    }
    return [...present.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'ja') || a.name.localeCompare(b.name, 'ja'));
  }

  /** Sends the union to everyone who has the meeting's minutes open on this instance. */
  broadcast(caseId: string, meetingId: string): void {
    const message: MeetingPresence & { type: 'meeting-presence' } = { type: 'meeting-presence', present: this.present(caseId, meetingId) };
    const payload = JSON.stringify(message);
    for (const document of minutesDocuments(this.hocuspocus(), caseId, meetingId)) {
      for (const connection of document.getConnections()) connection.sendStateless(payload);
    }
  }
}

/**
 * Keeps every open meeting page's 出席者 list current: whenever a connection to a meeting's
 * minutes opens or closes here, this instance announces its list on the case-event bus; every
 * instance (this one too) then sends the union to its own connections.
 */
export class MeetingPresenceExtension implements Extension {
  extensionName = 'kasane-meeting-presence';
  private readonly announce: (caseId: string, meetingId: string) => void;

  constructor(announce: (caseId: string, meetingId: string) => void) {
    this.announce = announce;
  }

  async connected({ documentName }: connectedPayload): Promise<void> {
    this.changed(documentName);
  }

  async onDisconnect({ documentName }: onDisconnectPayload): Promise<void> {
    this.changed(documentName);
  }

  private changed(documentName: string): void {
    const parsed = parseCaseDocumentName(documentName);
    if (parsed?.meetingId !== undefined) this.announce(parsed.caseId, parsed.meetingId);
  }
}

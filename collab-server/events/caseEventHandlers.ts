import type { Hocuspocus } from '@hocuspocus/server';
import { MAX_ANNOUNCED_ATTENDEES, type CaseEventOf, type CaseEventType } from '../../model/caseEvents.ts';
import type { MeetingAttendee } from '../../model/meetings.ts';
import { agenciesConnected, applyAccessChange } from '../collaboration/accessChanges.ts';
import { forReader, type ForReader } from '../../model/access/readerSerializer.ts';
import type { ChatMessage } from '../../model/chat.ts';
import { deliverChat } from '../collaboration/chatDelivery.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { closeMinutesWriters } from '../meetings/closeMeeting.ts';
import { localMeetingPresence, localMeetings, type MeetingPresenceBoard } from '../meetings/meetingPresence.ts';
import { AccessRepository } from '../store/accessRepository.ts';
import { ChatRepository } from '../store/chatRepository.ts';
import { MeetingRepository } from '../store/meetingRepository.ts';
import { ReaderMaskings } from '../masking/readerMaskings.ts';
import type { CaseEventBus, CaseEventHandler } from './caseEventBus.ts';

export interface CaseEventDependencies {
  hocuspocus: Hocuspocus;
  database: Database;
  bus: CaseEventBus;
  presence: MeetingPresenceBoard;
  logger: Logger;
}

type Handlers = { [T in CaseEventType]: (event: CaseEventOf<T>, origin: string) => Promise<void> };

/** Announces on the bus who has the meeting's minutes open here (the whole local list). */
export function announcePresence(deps: Pick<CaseEventDependencies, 'hocuspocus' | 'bus'>, caseId: string, meetingId: string): Promise<void> {
  // The event's limit (far above any meeting) keeps the notification under PostgreSQL's.
  const userIds = localMeetingPresence(deps.hocuspocus, caseId, meetingId).map((attendee) => attendee.userId).slice(0, MAX_ANNOUNCED_ATTENDEES);
  return deps.bus.publish({ type: 'presence-changed', caseId, meetingId, userIds });
}

/**
 * What each case event does to this instance's own connections. Details are read from
 * PostgreSQL, and only when this instance has the case open.
 */
export function caseEventHandler(deps: CaseEventDependencies): CaseEventHandler {
  const { hocuspocus, database, bus, presence } = deps;
  const access = new AccessRepository(database);
  const maskings = new ReaderMaskings(database);

  /** A sharing change reaches the agency's connections here; unreadable access closes them all (fail closed). */
  const reapplyAccess = async (caseId: string, agencyId: string) => {
    const levels = await access.forAgency(caseId, agencyId).catch((error: unknown) => {
      deps.logger.warn({ err: error, reason: 'access-unreadable', caseId, agencyId }, 'access not read; closing the agency’s documents');
      return {};
    });
    applyAccessChange(hocuspocus, caseId, agencyId, levels);
  };

  const handlers = {
    'access-changed': async ({ caseId, agencyId }) => {
      if (!agenciesConnected(hocuspocus, caseId).some((pair) => pair.agencyId === agencyId)) return;
      await reapplyAccess(caseId, agencyId);
    },
    'meeting-closed': async ({ caseId, meetingId }) => {
      closeMinutesWriters(hocuspocus, caseId, meetingId);
    },
    'chat-posted': async ({ caseId, messageId }) => {
      const connected = new Set(agenciesConnected(hocuspocus, caseId).map((pair) => pair.agencyId));
      if (connected.size === 0) return;
      const message = await new ChatRepository(database).find(messageId);
      if (message?.caseId !== caseId) return;
      // Made for each agency connected here before anything is sent: live delivery cannot skip the
      // serializer, and an agency it was not made for gets nothing.
      const prepared = new Map<string, ForReader<ChatMessage>>();
      for (const [agencyId, levels] of await access.forCase(caseId)) {
        if (connected.has(agencyId)) prepared.set(agencyId, forReader('chatMessage', message, await maskings.forLevels(caseId, levels)));
      }
      deliverChat(hocuspocus, message, (agencyId) => prepared.get(agencyId) ?? null);
    },
    'presence-changed': async ({ caseId, meetingId, userIds }, origin) => {
      if (origin !== bus.origin) presence.record(origin, caseId, meetingId, await attendeesOf(database, caseId, userIds));
      presence.broadcast(caseId, meetingId);
    },
    'presence-requested': async (_event, origin) => {
      if (origin === bus.origin) return;
      for (const meeting of localMeetings(hocuspocus)) void announcePresence(deps, meeting.caseId, meeting.meetingId);
    },
  } satisfies Handlers;

  return (event, origin) => (handlers[event.type] as (event: unknown, origin: string) => Promise<void>)(event, origin);
}

/**
 * After the bus missed events (its connection was lost): every connection here is checked
 * against what PostgreSQL says now, as if each change had arrived, and presence is asked again.
 */
export async function reconcileConnections(deps: CaseEventDependencies): Promise<void> {
  const access = new AccessRepository(deps.database);
  for (const { caseId, agencyId } of agenciesConnected(deps.hocuspocus)) {
    const levels = await access.forAgency(caseId, agencyId).catch(() => ({}));
    applyAccessChange(deps.hocuspocus, caseId, agencyId, levels);
  }
  const meetings = new MeetingRepository(deps.database);
  for (const { caseId, meetingId } of localMeetings(deps.hocuspocus)) {
    const status = await meetings.status(caseId, meetingId).catch(() => '終了' as const);
    if (status !== '予定' && status !== '開催中') closeMinutesWriters(deps.hocuspocus, caseId, meetingId);
    void announcePresence(deps, caseId, meetingId);
  }
  void deps.bus.publish({ type: 'presence-requested' });
}

async function attendeesOf(database: Database, caseId: string, userIds: string[]): Promise<MeetingAttendee[]> {
  if (userIds.length === 0) return [];
  const wanted = new Set(userIds);
  const attendees: MeetingAttendee[] = [];
  for (const agency of await new MeetingRepository(database).candidates(caseId)) {
    for (const user of agency.users) {
      if (wanted.has(user.id)) attendees.push({ userId: user.id, name: user.name, agencyId: agency.id, agencyName: agency.name });
    }
  }
  return attendees;
}

import { z } from 'zod';
import { caseIdSchema, meetingIdSchema } from './documentNames.ts';

/**
 * What one kasane instance must tell every other about a case, so that each applies it to its
 * own connections: documents are relayed between instances (Redis), but these control events are
 * not. Events carry ids only; each instance reads the details it needs from PostgreSQL, so that a
 * notification stays far below PostgreSQL's 8000-byte NOTIFY limit and never carries record text.
 */
/** More than any meeting has; keeps a presence event well under the NOTIFY limit. */
export const MAX_ANNOUNCED_ATTENDEES = 150;

export const caseEventSchema = z.discriminatedUnion('type', [
  /** The agency's sharing levels for the case changed (or it left the case). */
  z.object({ type: z.literal('access-changed'), caseId: caseIdSchema, agencyId: z.uuid() }),
  /** The 支援会議 was closed: its minutes are read-only from now on. */
  z.object({ type: z.literal('meeting-closed'), caseId: caseIdSchema, meetingId: meetingIdSchema }),
  /** A chat message was posted; who may read it is decided from the stored message. */
  z.object({ type: z.literal('chat-posted'), caseId: caseIdSchema, messageId: z.uuid() }),
  /** Who has a meeting's minutes open on the announcing instance (its whole local list). */
  z.object({ type: z.literal('presence-changed'), caseId: caseIdSchema, meetingId: meetingIdSchema, userIds: z.array(z.uuid()).max(MAX_ANNOUNCED_ATTENDEES) }),
  /** An instance that has just started (or missed events) asks the others to announce their presence. */
  z.object({ type: z.literal('presence-requested') }),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** One notification: the event, which instance sent it, and an id the sender waits for. */
export const caseEventEnvelopeSchema = z.object({
  id: z.uuid(),
  origin: z.uuid(),
  event: caseEventSchema,
});
export type CaseEventEnvelope = z.infer<typeof caseEventEnvelopeSchema>;

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; keep a margin. */
export const CASE_EVENT_MAX_BYTES = 7_900;

/** The one channel every instance listens on (NOTIFY is scoped to the database). */
export const CASE_EVENT_CHANNEL = 'kasane_case_events';

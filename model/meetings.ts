import { z } from 'zod';
import { caseIdSchema, meetingIdSchema } from './documentNames.ts';
import { isoDateSchema, LONG_TEXT_MAX, SHORT_TEXT_MAX } from './sections/common.ts';

/**
 * 支援会議 of a case: the record (PostgreSQL, not a shared document: it carries who may attend
 * and what was decided, written by the API under the server's checks). Each meeting's minutes
 * are a Yjs document of their own (`meetingMinutesDocumentName`).
 */

/** Why the members may share what they share: the law, or the person's consent. */
export const meetingLegalBases = ['支援会議〈社会福祉法第106条の6、守秘義務〉', '重層的支援会議〈本人同意に基づく〉'] as const;
export type MeetingLegalBasis = (typeof meetingLegalBases)[number];

export const meetingStatuses = ['予定', '開催中', '終了'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** Where a decision is turned into work: a 役割分担 row or a 支援経過 task. */
export const decisionTargets = ['plan', 'progress-log'] as const;
export type DecisionTarget = (typeof decisionTargets)[number];

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const shortText = z.string().trim().max(SHORT_TEXT_MAX);

export const outsideAttendeeSchema = z.object({
  name: shortText.min(1),
  /** 民生委員, 家族, 主治医 … */
  role: shortText.min(1),
});
export type OutsideAttendee = z.infer<typeof outsideAttendeeSchema>;

export const meetingAttendeeSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
});
export type MeetingAttendee = z.infer<typeof meetingAttendeeSchema>;

export const meetingTaskSchema = z.object({
  id: z.uuid(),
  target: z.enum(decisionTargets),
  /** The row's id in the plan's `roles` or the progress log's `entries`. */
  itemId: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  text: z.string(),
  dueDate: isoDateSchema.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type MeetingTask = z.infer<typeof meetingTaskSchema>;

export const meetingSchema = z.object({
  id: meetingIdSchema,
  caseId: caseIdSchema,
  /** 第N回, counted per case. */
  number: z.number().int().min(1),
  title: z.string(),
  date: isoDateSchema,
  startTime: timeSchema,
  endTime: timeSchema.nullable(),
  place: z.string().nullable(),
  online: z.boolean(),
  legalBasis: z.enum(meetingLegalBases),
  attendees: z.array(meetingAttendeeSchema),
  outsideAttendees: z.array(outsideAttendeeSchema),
  agenda: z.string(),
  status: z.enum(meetingStatuses),
  /** The 決定事項 of the minutes as they stood when the meeting was closed. */
  decisions: z.array(z.string()),
  tasks: z.array(meetingTaskSchema),
  /** The named version made of the minutes at closing. */
  versionName: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** When it was started through the app (開催中); null when it went straight from 予定 to 終了. */
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** What the 履歴 needs of a meeting to tell which changes were made during it. */
export type MeetingTiming = Pick<Meeting, 'id' | 'number' | 'title' | 'date' | 'startTime' | 'endTime' | 'startedAt' | 'closedAt'>;

// A meeting registered without an end time is taken to last this long.
const DEFAULT_MEETING_MS = 2 * 60 * 60_000;

function scheduledAt(date: string, time: string): number {
  // Meetings are scheduled in Japanese local time, whatever the server's zone.
  return new Date(`${date}T${time}:00+09:00`).getTime();
}

/**
 * The time during which a meeting was held, in epoch milliseconds: from its start to its close
 * as the app recorded them, or as scheduled where it was not run through the app (and where the
 * recorded times make no sense, e.g. closed before its scheduled start without being started).
 * `to` is null while a started meeting is still going on.
 */
export function meetingWindow(meeting: MeetingTiming): { from: number; to: number | null } {
  const scheduledFrom = scheduledAt(meeting.date, meeting.startTime);
  const scheduledTo = meeting.endTime === null ? scheduledFrom + DEFAULT_MEETING_MS : scheduledAt(meeting.date, meeting.endTime);
  const from = meeting.startedAt === null ? scheduledFrom : new Date(meeting.startedAt).getTime();
  const to = meeting.closedAt !== null ? new Date(meeting.closedAt).getTime() : meeting.startedAt !== null ? null : scheduledTo;
  if (to !== null && to < from) return { from: scheduledFrom, to: scheduledTo };
  return { from, to };
}

/** Whether something done from `startedAt` to `endedAt` (ISO) overlaps the meeting. */
export function duringMeeting(meeting: MeetingTiming, startedAt: string, endedAt: string): boolean {
  const window = meetingWindow(meeting);
  return new Date(endedAt).getTime() >= window.from && (window.to === null || new Date(startedAt).getTime() <= window.to);
}

export const createMeetingRequestSchema = z
  .object({
    /** Defaults to 「第N回支援会議」. */
    title: shortText.min(1).optional(),
    date: isoDateSchema,
    startTime: timeSchema,
    endTime: timeSchema.nullable().default(null),
    place: shortText.nullable().default(null),
    online: z.boolean().default(false),
    legalBasis: z.enum(meetingLegalBases),
    /** Users of agencies taking part in the case; their agency comes from the server. */
    attendeeUserIds: z.array(z.uuid()).max(100).default([]),
    outsideAttendees: z.array(outsideAttendeeSchema).max(50).default([]),
    agenda: z.string().trim().max(LONG_TEXT_MAX).default(''),
  })
  .refine((meeting) => meeting.online || (meeting.place ?? '').length > 0, { message: '場所を入力するか、オンラインを選んでください', path: ['place'] })
  .refine((meeting) => meeting.endTime === null || meeting.endTime > meeting.startTime, { message: '終了時刻は開始時刻より後にしてください', path: ['endTime'] });
export type CreateMeetingRequest = z.input<typeof createMeetingRequestSchema>;

export const decisionRequestSchema = z.object({
  text: z.string().trim().min(1).max(2_000),
  target: z.enum(decisionTargets),
  agencyId: z.uuid(),
  dueDate: isoDateSchema.nullable().default(null),
});
export type DecisionRequest = z.input<typeof decisionRequestSchema>;

/** The people who could attend: users of the agencies taking part in the case. */
export const meetingCandidatesSchema = z.array(
  z.object({ id: z.uuid(), name: z.string(), kind: z.string(), users: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
);
export type MeetingCandidates = z.infer<typeof meetingCandidatesSchema>;

export const meetingListSchema = z.object({ meetings: z.array(meetingSchema), agencies: meetingCandidatesSchema });
export type MeetingList = z.infer<typeof meetingListSchema>;

/** Who has the meeting's minutes open, as the server's connections say (not what clients claim). */
export const meetingPresenceSchema = z.object({ present: z.array(meetingAttendeeSchema) });
export type MeetingPresence = z.infer<typeof meetingPresenceSchema>;

/** The stateless message that keeps that list current on the minutes document. */
export const meetingPresenceStatelessSchema = meetingPresenceSchema.extend({ type: z.literal('meeting-presence') });

/** 「第2回支援会議 議事録（2026年11月20日）」 */
export function meetingVersionName(meeting: Pick<Meeting, 'title' | 'date'>): string {
  const [year, month, day] = meeting.date.split('-').map(Number);
  return `${meeting.title} 議事録（${year}年${month}月${day}日）`;
}

export function defaultMeetingTitle(number: number): string {
  return `第${number}回支援会議`;
}

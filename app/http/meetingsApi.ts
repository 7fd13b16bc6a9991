import type { CaseId, MeetingId } from '../../model/documentNames.ts';
import {
  meetingListSchema,
  meetingPresenceSchema,
  meetingSchema,
  type CreateMeetingRequest,
  type DecisionRequest,
  type Meeting,
  type MeetingList,
  type MeetingPresence,
} from '../../model/meetings.ts';
import { authorizedJson } from './apiClient.ts';

const meetingsPath = (caseId: CaseId) => `/api/cases/${encodeURIComponent(caseId)}/meetings`;
const meetingPath = (caseId: CaseId, meetingId: MeetingId) => `${meetingsPath(caseId)}/${encodeURIComponent(meetingId)}`;

export function getMeetings(caseId: CaseId, signal?: AbortSignal): Promise<MeetingList> {
  return authorizedJson({ method: 'GET', path: meetingsPath(caseId), signal }, meetingListSchema);
}

export function createMeeting(caseId: CaseId, request: CreateMeetingRequest): Promise<Meeting> {
  return authorizedJson({ method: 'POST', path: meetingsPath(caseId), body: request }, meetingSchema);
}

export function getMeeting(caseId: CaseId, meetingId: MeetingId, signal?: AbortSignal): Promise<Meeting> {
  return authorizedJson({ method: 'GET', path: meetingPath(caseId, meetingId), signal }, meetingSchema);
}

export function startMeeting(caseId: CaseId, meetingId: MeetingId): Promise<Meeting> {
  return authorizedJson({ method: 'POST', path: `${meetingPath(caseId, meetingId)}/start` }, meetingSchema);
}

export function closeMeeting(caseId: CaseId, meetingId: MeetingId): Promise<Meeting> {
  return authorizedJson({ method: 'POST', path: `${meetingPath(caseId, meetingId)}/close` }, meetingSchema);
}

export function getMeetingPresence(caseId: CaseId, meetingId: MeetingId, signal?: AbortSignal): Promise<MeetingPresence> {
  return authorizedJson({ method: 'GET', path: `${meetingPath(caseId, meetingId)}/presence`, signal }, meetingPresenceSchema);
}

/** Resolves with the meeting, its new task listed last. */
export function addDecision(caseId: CaseId, meetingId: MeetingId, request: DecisionRequest): Promise<Meeting> {
  return authorizedJson({ method: 'POST', path: `${meetingPath(caseId, meetingId)}/decisions`, body: request }, meetingSchema);
}

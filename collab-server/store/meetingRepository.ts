import { randomUUID } from 'node:crypto';
import {
  defaultMeetingTitle,
  type DecisionTarget,
  type Meeting,
  type MeetingAttendee,
  type MeetingCandidates,
  type MeetingLegalBasis,
  type MeetingStatus,
  type MeetingTask,
  type MeetingTiming,
  type OutsideAttendee,
} from '../../model/meetings.ts';
import type { Queryable } from '../db/database.ts';

interface MeetingRow {
  id: string;
  case_id: string;
  number: number;
  title: string;
  held_on: string;
  start_time: string;
  end_time: string | null;
  place: string | null;
  online: boolean;
  legal_basis: MeetingLegalBasis;
  agenda: string;
  status: MeetingStatus;
  outside_attendees: OutsideAttendee[];
  decisions: string[];
  version_name: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  closed_at: Date | null;
}

export interface NewMeeting {
  caseId: string;
  title?: string | undefined;
  date: string;
  startTime: string;
  endTime: string | null;
  place: string | null;
  online: boolean;
  legalBasis: MeetingLegalBasis;
  attendees: { userId: string; agencyId: string }[];
  outsideAttendees: OutsideAttendee[];
  agenda: string;
  createdBy: string;
}

export interface NewMeetingTask {
  meetingId: string;
  target: DecisionTarget;
  itemId: string;
  agencyId: string;
  text: string;
  dueDate: string | null;
  createdBy: string;
}

// Dates as text: a `date` column read through pg would become a Date at local midnight.
const meetingColumns = `m.id, m.case_id, m.number, m.title, m.held_on::text as held_on, m.start_time, m.end_time, m.place, m.online,
  m.legal_basis, m.agenda, m.status, m.outside_attendees, m.decisions, v.name as version_name, u.name as created_by,
  m.created_at, m.started_at, m.closed_at`;
const meetingFrom = `case_meetings m join users u on u.id = m.created_by left join case_versions v on v.id = m.version_id`;

/** 支援会議 records, their attendees and the tasks they created. */
export class MeetingRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  /** The users of the agencies taking part in the case: who may be listed as attending. */
  async candidates(caseId: string): Promise<MeetingCandidates> {
    const { rows } = await this.db.query<{ agency_id: string; agency_name: string; kind: string; user_id: string | null; user_name: string | null }>(
      `select a.id as agency_id, a.name as agency_name, a.kind, u.id as user_id, u.name as user_name
         from case_agencies ca join agencies a on a.id = ca.agency_id
         left join users u on u.agency_id = a.id and u.role = 'worker'
        where ca.case_id = $1 order by a.name, u.name`,
      [caseId],
    );
    const agencies = new Map<string, MeetingCandidates[number]>();
    for (const row of rows) {
      const agency = agencies.get(row.agency_id) ?? { id: row.agency_id, name: row.agency_name, kind: row.kind, users: [] };
      agencies.set(row.agency_id, agency);
      if (row.user_id && row.user_name) agency.users.push({ id: row.user_id, name: row.user_name });
    }
    return [...agencies.values()];
  }

  async create(meeting: NewMeeting): Promise<string> {
    const id = randomUUID();
    // One case's meetings are numbered in the order they are created; the unique key catches a race.
    const { rows } = await this.db.query<{ next: number }>('select coalesce(max(number), 0) + 1 as next from case_meetings where case_id = $1', [meeting.caseId]);
    const number = Number(rows[0]?.next ?? 1);
    await this.db.query(
      `insert into case_meetings (id, case_id, number, title, held_on, start_time, end_time, place, online, legal_basis, agenda, outside_attendees, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id, meeting.caseId, number, meeting.title ?? defaultMeetingTitle(number), meeting.date, meeting.startTime, meeting.endTime,
        meeting.place, meeting.online, meeting.legalBasis, meeting.agenda, JSON.stringify(meeting.outsideAttendees), meeting.createdBy,
      ],
    );
    for (const attendee of meeting.attendees) {
      await this.db.query('insert into case_meeting_attendees (meeting_id, user_id, agency_id) values ($1, $2, $3)', [id, attendee.userId, attendee.agencyId]);
    }
    return id;
  }

  async list(caseId: string): Promise<Meeting[]> {
    const { rows } = await this.db.query<MeetingRow>(`select ${meetingColumns} from ${meetingFrom} where m.case_id = $1 order by m.held_on, m.start_time, m.number`, [caseId]);
    return Promise.all(rows.map((row) => this.complete(row)));
  }

  async find(caseId: string, meetingId: string): Promise<Meeting | null> {
    const { rows } = await this.db.query<MeetingRow>(`select ${meetingColumns} from ${meetingFrom} where m.case_id = $1 and m.id = $2`, [caseId, meetingId]);
    return rows[0] ? this.complete(rows[0]) : null;
  }

  async exists(caseId: string, meetingId: string): Promise<boolean> {
    return (await this.db.query('select 1 from case_meetings where case_id = $1 and id = $2', [caseId, meetingId])).rows.length > 0;
  }

  /** Every meeting of the case with its times, for the 履歴. */
  async timings(caseId: string): Promise<MeetingTiming[]> {
    const { rows } = await this.db.query<{ id: string; number: number; title: string; held_on: string; start_time: string; end_time: string | null; started_at: Date | null; closed_at: Date | null }>(
      `select id, number, title, held_on::text as held_on, start_time, end_time, started_at, closed_at from case_meetings where case_id = $1 order by number`,
      [caseId],
    );
    return rows.map((row) => ({
      id: row.id,
      number: Number(row.number),
      title: row.title,
      date: row.held_on,
      startTime: row.start_time,
      endTime: row.end_time,
      startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    }));
  }

  /** Null when the meeting is not one of the case's. */
  async status(caseId: string, meetingId: string): Promise<MeetingStatus | null> {
    const { rows } = await this.db.query<{ status: MeetingStatus }>('select status from case_meetings where case_id = $1 and id = $2', [caseId, meetingId]);
    return rows[0]?.status ?? null;
  }

  async start(meetingId: string): Promise<void> {
    await this.db.query(`update case_meetings set status = '開催中', started_at = now() where id = $1 and status = '予定'`, [meetingId]);
  }

  /** False when the meeting was already closed (closing twice must not name two versions). */
  async close(meetingId: string, closedBy: string, decisions: string[], versionId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `update case_meetings set status = '終了', closed_at = now(), closed_by = $2, decisions = $3, version_id = $4
        where id = $1 and status <> '終了' returning id`,
      [meetingId, closedBy, JSON.stringify(decisions), versionId],
    );
    return rows.length > 0;
  }

  async addTask(task: NewMeetingTask): Promise<void> {
    await this.db.query(
      `insert into case_meeting_tasks (id, meeting_id, target, item_id, agency_id, text, due_date, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), task.meetingId, task.target, task.itemId, task.agencyId, task.text, task.dueDate, task.createdBy],
    );
  }

  private async complete(row: MeetingRow): Promise<Meeting> {
    const attendees = await this.db.query<{ user_id: string; name: string; agency_id: string; agency_name: string }>(
      `select u.id as user_id, u.name, a.id as agency_id, a.name as agency_name
         from case_meeting_attendees ma join users u on u.id = ma.user_id join agencies a on a.id = ma.agency_id
        where ma.meeting_id = $1 order by a.name, u.name`,
      [row.id],
    );
    const tasks = await this.db.query<{ id: string; target: DecisionTarget; item_id: string; agency_id: string; agency_name: string; text: string; due_date: string | null; created_by: string; created_at: Date }>(
      `select t.id, t.target, t.item_id, t.agency_id, a.name as agency_name, t.text, t.due_date::text as due_date, u.name as created_by, t.created_at
         from case_meeting_tasks t join agencies a on a.id = t.agency_id join users u on u.id = t.created_by
        where t.meeting_id = $1 order by t.created_at`,
      [row.id],
    );
    return {
      id: row.id,
      caseId: row.case_id,
      number: Number(row.number),
      title: row.title,
      date: row.held_on,
      startTime: row.start_time,
      endTime: row.end_time,
      place: row.place,
      online: row.online,
      legalBasis: row.legal_basis,
      attendees: attendees.rows.map((attendee): MeetingAttendee => ({ userId: attendee.user_id, name: attendee.name, agencyId: attendee.agency_id, agencyName: attendee.agency_name })),
      outsideAttendees: row.outside_attendees,
      agenda: row.agenda,
      status: row.status,
      decisions: row.decisions,
      tasks: tasks.rows.map((task): MeetingTask => ({
        id: task.id,
        target: task.target,
        itemId: task.item_id,
        agencyId: task.agency_id,
        agencyName: task.agency_name,
        text: task.text,
        dueDate: task.due_date,
        createdBy: task.created_by,
        createdAt: new Date(task.created_at).toISOString(),
      })),
      versionName: row.version_name,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at).toISOString(),
      startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    };
  }
}

-- 支援会議 of a case. The record lives here rather than in a shared document: who attends and
-- what was decided are written by the API under the server's checks. Each meeting's minutes
-- are their own Yjs document (case/<case>/meetings/<meeting>/minutes) in the update log.
create table case_meetings (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  number integer not null,
  title text not null,
  held_on date not null,
  start_time text not null,
  end_time text,
  place text,
  online boolean not null default false,
  legal_basis text not null
    check (legal_basis in ('支援会議〈社会福祉法第106条の6、守秘義務〉', '重層的支援会議〈本人同意に基づく〉')),
  agenda text not null default '',
  status text not null default '予定' check (status in ('予定', '開催中', '終了')),
  -- [{ name, role }]: 民生委員 and others without an account.
  outside_attendees jsonb not null default '[]'::jsonb,
  -- The 決定事項 of the minutes at closing.
  decisions jsonb not null default '[]'::jsonb,
  version_id uuid references case_versions (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by uuid references users (id),
  unique (case_id, number)
);
create index case_meetings_case on case_meetings (case_id, held_on);

create table case_meeting_attendees (
  meeting_id uuid not null references case_meetings (id) on delete cascade,
  user_id uuid not null references users (id),
  agency_id uuid not null references agencies (id),
  primary key (meeting_id, user_id)
);

-- Which 役割分担 rows and 支援経過 tasks a meeting created (they live in the plan and progress
-- documents; this says where they came from).
create table case_meeting_tasks (
  id uuid primary key,
  meeting_id uuid not null references case_meetings (id) on delete cascade,
  target text not null check (target in ('plan', 'progress-log')),
  item_id text not null,
  agency_id uuid not null references agencies (id),
  text text not null,
  due_date date,
  created_by uuid not null references users (id),
  -- Not now(): tasks made in one transaction (the seed) keep the order they were made in.
  created_at timestamptz not null default clock_timestamp()
);
create index case_meeting_tasks_meeting on case_meeting_tasks (meeting_id, created_at);

-- Per-agency access to each section of a case (model/access/accessLevels.ts). A section with
-- no row is hidden from that agency. Only the server writes here: the policy is never in a
-- document a client could edit.
create table case_section_access (
  case_id uuid not null references cases (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  section text not null,
  level text not null check (level in ('edit', 'view', 'masked', 'hidden')),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (case_id, agency_id, section)
);

-- Every grant, change and revocation, with who and when (append-only).
create table case_access_changes (
  seq bigserial primary key,
  case_id uuid not null references cases (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  -- null when the change is the agency joining or leaving the case
  section text,
  old_level text,
  new_level text,
  changed_by uuid references users (id),
  changed_at timestamptz not null default now()
);

-- 本人同意 per case and member: status, date, how, which agencies it covers.
create table case_consents (
  case_id uuid not null references cases (id) on delete cascade,
  member_id text not null,
  status text not null check (status in ('同意あり', '同意なし', '未確認')),
  consented_on date,
  method text check (method in ('書面', '口頭')),
  agency_ids uuid[] not null default '{}',
  note text not null default '',
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  primary key (case_id, member_id)
);

-- Sharing in a 支援会議 under 社会福祉法第106条の6, without consent: an explicit basis per agency.
create table case_meeting_basis (
  case_id uuid not null references cases (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  primary key (case_id, agency_id)
);

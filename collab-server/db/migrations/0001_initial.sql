-- Settings the server keeps for itself (the generated token secret when none is configured).
create table server_settings (
  key text primary key,
  value text not null
);

create table agencies (
  id uuid primary key,
  name text not null,
  -- 多機関協働事業者, 地域包括支援センター, … (see model/agencyKinds.ts)
  kind text not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  agency_id uuid not null references agencies (id),
  login_id text not null unique,
  name text not null,
  password_hash text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table cases (
  id uuid primary key,
  title text not null,
  lead_agency_id uuid not null references agencies (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Which agencies take part in a case. Only their users may open its documents.
create table case_agencies (
  case_id uuid not null references cases (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  primary key (case_id, agency_id)
);
create index case_agencies_agency on case_agencies (agency_id);

-- One row per collaborative document. `last_seq` is bumped under the row lock by every
-- append, so a document's sequence numbers commit in order with no gaps: a snapshot up to
-- seq N can never miss an update below N that was still in flight.
create table documents (
  name text primary key,
  last_seq bigint not null default 0,
  created_at timestamptz not null default now()
);

-- Every Yjs update, appended before the client is told it is saved. Never rewritten:
-- snapshots below are checkpoints over it, and history is rebuilt from it.
create table document_updates (
  document_name text not null references documents (name),
  seq bigint not null,
  -- Taken from the verified token; null for updates the server wrote itself (seeding).
  user_id uuid references users (id),
  agency_id uuid references agencies (id),
  created_at timestamptz not null default now(),
  update bytea not null,
  primary key (document_name, seq)
);

-- The merged state of a document up to and including update `upto_seq`.
create table document_snapshots (
  document_name text not null references documents (name),
  upto_seq bigint not null,
  created_at timestamptz not null default now(),
  state bytea not null,
  primary key (document_name, upto_seq)
);

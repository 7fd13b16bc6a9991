-- Saved states of a case's ecomap (「初回面談時」「第2回支援会議後」): a label, the date the
-- map describes, and the map's update-log position then. The state itself is rebuilt from the
-- log, masked for masked readers, like any revision.
create table ecomap_snapshots (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  label text not null,
  as_of date not null,
  seq bigint not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index ecomap_snapshots_case on ecomap_snapshots (case_id, as_of);

-- Named versions of a case (「第2回支援会議 終了時点」): the newest update of every section at
-- the moment it was named, so that each section can be rebuilt as it was then.
create table case_versions (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  name text not null,
  -- section → seq
  seqs jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index case_versions_case on case_versions (case_id, created_at);

-- Updates that restored an older version of a section, so that history can say so.
create table document_restores (
  document_name text not null,
  seq bigint not null,
  restored_from_seq bigint not null,
  primary key (document_name, seq)
);

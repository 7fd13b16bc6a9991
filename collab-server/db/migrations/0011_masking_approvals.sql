-- A coordinator's explicit approval of a redacted free text for masked agencies: the text that
-- was reviewed is known only by its hash, and the approval holds only for that exact text.
create table masking_approvals (
  case_id uuid not null references cases (id) on delete cascade,
  source_sha256 text not null,
  approved_text text not null,
  approved_by uuid references users (id),
  approved_at timestamptz not null default now(),
  primary key (case_id, source_sha256)
);

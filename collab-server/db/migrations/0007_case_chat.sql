-- チャット per case. A message may be limited to some agencies; it is stored here (not in a
-- shared Yjs document, which every reader would receive whole) and delivered only to them.
create table case_chat_messages (
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  user_id uuid not null references users (id),
  agency_id uuid not null references agencies (id),
  body text not null,
  -- null: everyone taking part; otherwise only these agencies (the writer's included).
  visible_agency_ids uuid[],
  created_at timestamptz not null default now()
);
create index case_chat_messages_case on case_chat_messages (case_id, created_at);

create table case_chat_reads (
  case_id uuid not null references cases (id) on delete cascade,
  user_id uuid not null references users (id),
  read_at timestamptz not null,
  primary key (case_id, user_id)
);

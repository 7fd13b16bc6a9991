-- Read models projected from the case documents by the server (collab-server/projections),
-- so that the case list and search work without opening documents.
alter table cases add column status text;
alter table cases add column household_name text;

create table case_members (
  case_id uuid not null references cases (id) on delete cascade,
  member_id text not null,
  name text not null,
  kana text not null,
  -- searchText(name) || ' ' || searchText(kana): see model/searchText.ts
  search_text text not null,
  primary key (case_id, member_id)
);

create table case_tasks (
  case_id uuid not null references cases (id) on delete cascade,
  -- 'progress' for 予定・タスク entries of the 支援経過, 'role' for 役割分担 rows of the plan
  source text not null,
  item_id text not null,
  agency_id uuid,
  status text not null,
  due_date date,
  summary text not null,
  primary key (case_id, source, item_id)
);
create index case_tasks_open on case_tasks (case_id) where status <> '完了';

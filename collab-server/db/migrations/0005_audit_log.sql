-- 監査ログ: append-only, each entry chained to the previous one by a SHA-256 hash over its
-- content (collab-server/audit/auditChain.ts), so that an altered or deleted row is detected by
-- `npm run audit:verify`. The app has no way to change or delete entries; these triggers refuse
-- it to anyone short of disabling them, and the chain reveals that too.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  action text not null,
  user_id uuid,
  login_id text,
  agency_id uuid,
  case_id uuid,
  section text,
  detail jsonb not null default '{}'::jsonb,
  address text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at on audit_log (at);
create index audit_log_case on audit_log (case_id, at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception '監査ログは変更・削除できません';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

alter table users add column role text not null default 'worker' check (role in ('worker', 'admin'));

-- When a 支援会議 was started through the app (開催中). With closed_at it bounds the time during
-- which the case's changes are shown in 履歴 as made in that meeting.
alter table case_meetings add column started_at timestamptz;

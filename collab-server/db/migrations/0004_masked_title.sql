-- The case title with the household's names replaced (model/access/masking.ts), shown to
-- agencies that may see the overview only masked or not at all.
alter table cases add column masked_title text;

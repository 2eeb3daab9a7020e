-- Identical uses of a grant written in one flush (a quarter of a second: same day, user or system, way, items,
-- shape of the query and medium) are kept as one row: requests says how many, first_used_at and used_at when the
-- first and the last were, records their sum. The audit log keeps every use on its own.
alter table share_usage add column requests bigint default 1 not null;
alter table share_usage add column first_used_at timestamp with time zone;
update share_usage set first_used_at = used_at;
alter table share_usage alter column first_used_at set not null;

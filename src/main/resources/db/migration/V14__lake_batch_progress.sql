-- How far a running batch has read its file, so that the console can say how long is left.
alter table lake_batch add column bytes_total bigint;
alter table lake_batch add column bytes_read bigint;
alter table lake_batch add column started_at timestamp with time zone;

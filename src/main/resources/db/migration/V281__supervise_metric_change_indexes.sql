-- Incremental supervision metrics (issue #14): a run asks which departments changed since its watermark; on the
-- two largest tables it reads that by an index on the time instead of every row (a year of batches, usage per
-- grant and day).
create index lake_batch_finished on lake_batch (finished_at);
create index share_grant_usage_day on share_grant_usage (usage_day);

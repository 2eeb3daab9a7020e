-- The order in which a dataset's batches were applied, for incremental exports ("changed since cursor"):
-- batch ids are taken when a batch starts, so a long upload can commit after a later push; the sequence is
-- taken under the dataset's lock when a batch applies, so it follows the commits.
alter table lake_batch add column applied_seq bigint;
alter table lake_dataset add column applied_seq bigint default 0 not null;
update lake_batch set applied_seq = id where status = 'APPLIED';
update lake_dataset set applied_seq = coalesce(
    (select max(b.id) from lake_batch b where b.dataset_id = lake_dataset.id and b.status = 'APPLIED'), 0);
create index lake_batch_applied on lake_batch (dataset_id, applied_seq);

-- The per-address limit on failed logins and token requests, counted across the cluster on PostgreSQL
-- (security.DatabaseAddressAttemptLimit, Bucket4j's PostgreSQL backend): one token bucket per client address and
-- limit (bucket_key '203.0.113.7 20 PT1M'), its state serialised by Bucket4j; expires_at (epoch milliseconds) is
-- when the bucket would be full again, after which the row is deleted. On the embedded H2 database (one node) the
-- limit is kept in memory and this table stays empty.
create table address_attempt_buckets (
    bucket_key varchar(160) primary key,
    state bytea,
    expires_at bigint
);

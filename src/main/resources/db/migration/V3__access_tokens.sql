-- Bearer tokens (SEC-1). Only a hash of each token is stored; a token is revocable at once and expires
-- after its lifetime or after the idle timeout.
create table access_token (
    token_hash    varchar(64)  primary key,
    subject_kind  varchar(8)   not null,
    subject_id    bigint       not null,
    issued_at     timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    revoked       boolean      not null default false
);
create index access_token_subject on access_token (subject_kind, subject_id);

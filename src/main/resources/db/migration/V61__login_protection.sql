-- Failed logins under names that are no account (issue #11): counted and locked like an account's, so that the
-- answers do not tell which logins exist. Keyed by the SHA-256 of the lower-cased name, so that what someone typed
-- into the login field (at times a password) is not kept here.
create table unknown_login (
    login_hash       varchar(64) primary key,
    failed_logins    integer     not null default 0,
    locked_until     timestamp with time zone,
    last_failure_at  timestamp with time zone not null
);

-- A connected system acts with one role (issue #11): DATA_USER for a department's business system, as every system
-- so far, or MONITORING for the system that reads the platform's metrics.
alter table connected_system add column role varchar(32) not null default 'DATA_USER';

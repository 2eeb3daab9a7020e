-- Scheduled work that runs once per cluster (ShedLock, shared.ScheduledOnce): one row per job, held while a node
-- runs it.
create table shedlock (
    name varchar(64) primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);

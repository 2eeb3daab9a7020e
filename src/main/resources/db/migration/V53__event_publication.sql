-- Spring Modulith's event publication registry (schema v2): an event one module raises for another is stored in
-- the transaction that raised it and completed once its listener has run, so an event lost in a crash or failed in
-- its listener is delivered again (at the next start, and by OutstandingEvents while running). Completed
-- publications are deleted (spring.modulith.events.completion-mode: delete).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_idx on event_publication (listener_id);

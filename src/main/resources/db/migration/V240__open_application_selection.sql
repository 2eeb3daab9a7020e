-- The result of the competitive selection (公开招标等竞争性方式) that decides who may develop data open by
-- authorisation commercially (FZ17), as the authority records it for an application for commercial use.
create table open_application_selection (
    application_id  bigint primary key references open_application (id),
    method          varchar(200)  not null,
    -- WON: the applicant was selected; NOT_SELECTED: another was
    result          varchar(16)   not null,
    decided_on      date          not null,
    reference       varchar(200)  not null,
    recorded_by     varchar(100)  not null,
    recorded_at     timestamp with time zone not null
);

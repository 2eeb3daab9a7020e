-- Holiday arrangements entered by the data authority (e.g. next year's, once the State Council
-- publishes it). An entered year replaces the arrangement shipped with the application for that year.
create table calendar_year (
    year_number integer      primary key,
    source      varchar(500),
    entered_by  varchar(100) not null,
    entered_at  timestamp with time zone not null
);

create table calendar_day (
    day_date     date        primary key,
    year_number  integer     not null references calendar_year (year_number),
    off_day      boolean     not null,
    name         varchar(50)
);
create index calendar_day_year on calendar_day (year_number);

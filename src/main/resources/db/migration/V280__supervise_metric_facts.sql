-- Supervision metrics computed incrementally (SUP-1, issue #14): the inputs of each department's metrics per year
-- (the records behind each metric summed), so that scorecards and dashboards read rows instead of recounting
-- the modules' records; and per region and year the watermark of the last run, from which the next run reads
-- only what changed.

create table supervise_metric_fact (
    region_id           bigint        not null references region (id),
    metric_year         integer       not null,
    department_id       bigint        not null references department (id),
    metric              varchar(40)   not null,
    records             bigint        not null,
    good_records        bigint        not null,
    amount              bigint        not null,
    good_amount         bigint        not null,
    out_of              bigint        not null,
    computed_at         timestamp with time zone not null,
    primary key (metric_year, department_id, metric)
);
create index supervise_metric_fact_region on supervise_metric_fact (region_id, metric_year);

create table supervise_metric_run (
    region_id           bigint        not null references region (id),
    metric_year         integer       not null,
    -- the scoring method the facts were computed under: another version recomputes them in full
    method_version      varchar(40)   not null,
    -- changes written after this instant are read by the next run (the last run's start, less an overlap)
    changes_since       timestamp with time zone not null,
    -- the day of the last run: due dates from it to the next run's day turn records overdue
    last_day            date          not null,
    last_run_at         timestamp with time zone not null,
    last_kind           varchar(16)   not null,
    departments_read    integer       not null,
    -- the scheduled run's slot a node claimed, so that one node of a cluster runs each slot
    claimed_slot        bigint,
    primary key (region_id, metric_year)
);

-- what each providing department's grants had served from the last run's day on, as that run read it: usage
-- counts grow during the day without a time of their own, so the next run compares these sums to find them
create table supervise_metric_served (
    region_id           bigint        not null references region (id),
    metric_year         integer       not null,
    department_id       bigint        not null references department (id),
    records             bigint        not null,
    requests            bigint        not null,
    primary key (metric_year, department_id)
);
create index supervise_metric_served_region on supervise_metric_served (region_id, metric_year);

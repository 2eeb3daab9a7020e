-- SHR-6 leak tracing also for the files an account holder downloads under an approved open application: an export
-- is under a share grant (to a department) or an open grant (to a holder, named as when the file left).
alter table security_trace_export add column grant_kind varchar(10) default 'SHARE' not null;
alter table security_trace_export add column holder_name varchar(300);
alter table security_trace_export alter column consumer_department_id drop not null;

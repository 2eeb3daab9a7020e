-- Reminders for objections (SHR-7), as share_application has them: when the reminder job reminded the handler of
-- an open objection due soon, and when it noted the objection as overdue. Each is written once per due date: an
-- extension, which moves the due date, clears both.
alter table share_objection add column reminded_at timestamp with time zone;
alter table share_objection add column overdue_noted_at timestamp with time zone;

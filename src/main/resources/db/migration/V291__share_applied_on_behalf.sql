-- SHR-10: an application another platform's link makes names whom it applies for (person, department, platform):
-- longer than a user's name.
alter table share_application alter column applied_by set data type varchar(300);

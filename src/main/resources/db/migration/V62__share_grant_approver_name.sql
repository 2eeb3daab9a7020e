-- Who approved a grant, as people read it (SEC-2: every usage record names its approver): the display name of the
-- share approver when the grant was issued; null for an unconditional entry, whose publication in the catalog
-- approved it. Grants issued before take their approver's display name now.
alter table share_grant add column approver_name varchar(100);
update share_grant set approver_name = (select u.display_name from user_account u where u.username = share_grant.approved_by)
    where approved_by is not null;

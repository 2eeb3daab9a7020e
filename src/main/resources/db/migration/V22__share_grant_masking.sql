-- The desensitisation a grant prescribes per data item (item -> rule of cn.govdata.shared.MaskingRule),
-- applied to every value a query or an exchange delivers under the grant. Null for grants issued before:
-- the rule each item suggests applies.
alter table share_grant add column masking text;

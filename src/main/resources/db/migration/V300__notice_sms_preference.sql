-- a user's wish to receive notices by SMS as well, at a mainland mobile number (sent through the SMS gateway set
-- by govdata.notice.sms-webhook-url, when there is one)
alter table notice_preference add column mobile varchar(11);
alter table notice_preference add column sms_enabled boolean default false not null;

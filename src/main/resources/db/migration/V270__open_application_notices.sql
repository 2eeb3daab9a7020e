-- Notices also tell an applicant that their open application was decided (approved, refused, or the competitive
-- selection's result recorded); such a notice names the application instead of a demand request.
alter table public_notice add column application_id bigint;

-- Quality scores (AGG-4): each batch records the completeness, validity, uniqueness and timeliness of what it
-- delivered, so that a dataset's quality can be followed over time (and supervision can use it).
alter table lake_batch add column quality varchar(400);

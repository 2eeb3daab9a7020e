-- SEC-3: a batch whose file carries a secrecy marking is HELD until the department's security officer
-- releases or discards it; what was found and how it was decided, as JSON (row, item, marking, decidedBy, reason).
alter table lake_batch add column hold varchar(2000);

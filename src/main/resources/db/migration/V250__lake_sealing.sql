-- lake sealing (SEC-4, SEC-8): a column of a personal-information item holds its values sealed with SM4
-- (cn.govdata.lake.sealing.SealedValues); a discrepancy between two such items keeps its two values sealed too
alter table lake_dataset_column add column sealed boolean default false not null;
alter table lake_discrepancy add column sealed boolean default false not null;

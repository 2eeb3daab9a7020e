-- SEC-4: the grade of each catalog version after GB/T 43697-2024 (GENERAL 一般数据, IMPORTANT 重要数据, CORE 核心数据),
-- beside the content that carries it (with each data item's grade), so that lists and supervision can query it.
-- Versions written before grading carry none in their content: their grade is derived from their items, which
-- carried no grade either, so every existing version is 一般数据.
alter table catalog_version add column grade varchar(16) default 'GENERAL' not null;
create index catalog_version_grade on catalog_version (grade);

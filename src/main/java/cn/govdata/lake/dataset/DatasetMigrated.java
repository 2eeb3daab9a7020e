package cn.govdata.lake.dataset;

/**
 * A dataset followed a new published version of its entry (columns added or retired), published inside the
 * migrating transaction so that what keeps the dataset's layout drops it.
 */
public record DatasetMigrated(long entryId) {
}

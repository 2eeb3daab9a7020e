package cn.govdata.catalog;

/** Published after commit when an entry's published content or status changed (published, retired). */
record CatalogEntryChanged(long entryId) {
}

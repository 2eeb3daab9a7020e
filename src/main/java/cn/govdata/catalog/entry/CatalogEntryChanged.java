package cn.govdata.catalog.entry;

/** Published after commit when an entry's published content or status changed (published, retired). */
public record CatalogEntryChanged(long entryId) {
}

package cn.govdata.catalog;

/**
 * An entry's published content or status changed (a version published, the entry retired); published in the
 * changing transaction and handled after it commits. Other modules react to it: the lake brings the entry's dataset
 * to the new version at once.
 */
public record CatalogEntryChanged(long entryId) {
}

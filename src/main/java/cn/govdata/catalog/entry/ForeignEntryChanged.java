package cn.govdata.catalog.entry;

/**
 * An entry received from a lower platform was stored, changed or retired (see {@link ForeignCatalog}); the search
 * index replaces or removes its document once the change commits. Kept apart from
 * {@link cn.govdata.catalog.CatalogEntryChanged}: a foreign entry has no dataset, grants or open release here.
 */
public record ForeignEntryChanged(long id) {
}

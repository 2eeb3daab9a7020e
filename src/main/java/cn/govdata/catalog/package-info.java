/**
 * The resource catalog (政务数据资源目录, CAT-1 … CAT-9): departments compile entries with their data items,
 * the data authority reviews and publishes them, every change is a new version, update obligations run
 * on the working-day calendar, and the published catalog is searched, listed, imported and exported.
 * Public surface: {@link cn.govdata.catalog.PublishedCatalog} and the entry's value types
 * ({@link cn.govdata.catalog.EntryContent}, {@link cn.govdata.catalog.DataItem},
 * {@link cn.govdata.catalog.LegalBasis}, {@link cn.govdata.catalog.Classification},
 * {@link cn.govdata.catalog.ResourceFormat}, {@link cn.govdata.catalog.DataGrade}), {@link cn.govdata.catalog.GradeRules}
 * (what each grade allows, SEC-4), and {@link cn.govdata.catalog.PublicationGuard}, for the modules that aggregate,
 * share and open what the catalog describes; {@link cn.govdata.catalog.ForeignEntries}, through which the federation
 * keeps the entries of lower platforms' catalogs (read-only here, found by the search with their origin).
 *
 * <p>Rooms (internal sub-packages, chosen by what changes together):
 * <ul>
 * <li>{@code entry}: entries and their versions, review and publication, the rules, resource codes, lead
 * departments, duplicates, update obligations and their HTTP API; the
 * one access policy {@code CatalogAccess}; the audit actions {@code CatalogAuditAction}; the Chinese labels of
 * the codes; the demo catalog; the entries received from lower platforms ({@code ForeignCatalog}). The bottom
 * room: the others build on it.</li>
 * <li>{@code search}: the Lucene index of the published catalog, full-text search with facets, the Chinese
 * analyzer, the index's upkeep for operators.</li>
 * <li>{@code sheet}: the catalog in Excel: the template layout, reading, parsing and writing workbooks,
 * import and export.</li>
 * <li>{@code lists}: the published share and open lists, as JSON pages and CSV.</li>
 * </ul>
 * {@code search}, {@code sheet} and {@code lists} never depend on each other (see {@code CatalogPackagesTest}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy" })
package cn.govdata.catalog;

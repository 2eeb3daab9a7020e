/**
 * The resource catalog (政务数据资源目录, CAT-1 … CAT-9): departments compile entries with their data items,
 * the data authority reviews and publishes them, every change is a new version, update obligations run
 * on the working-day calendar, and the published catalog is searched, listed, imported and exported.
 * Public surface: {@link cn.govdata.catalog.PublishedCatalog} and the entry's value types, for the modules
 * that aggregate, share and open what the catalog describes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy" })
package cn.govdata.catalog;

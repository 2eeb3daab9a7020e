/**
 * Open data (开放, OPN): the datasets opened to the public after review and desensitisation, the
 * CKAN-compatible public API, and the public portal's pages ({@code open.portal}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog", "lake", "security" })
package cn.govdata.open;

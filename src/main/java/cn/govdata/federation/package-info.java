/**
 * Federation of platforms (SHR-10): govdata platforms at different levels (county → city → province) linked as
 * peers with OAuth2 client credentials, and the catalog cascade: a lower platform delivers its published catalog,
 * its changes and retirements to the upper one, which keeps them as read-only entries of the lower region's
 * departments (through the catalog's {@link cn.govdata.catalog.ForeignEntries}). Cross-platform applications and
 * relayed queries are not built yet (see docs/federation.md).
 *
 * <p>Rooms (internal sub-packages):
 * <ul>
 * <li>{@code peer}: the registered peers, their sealed client secrets, the HTTP client that signs in to a peer and
 * calls it, the audit actions {@code FederationAuditAction}. The bottom room.</li>
 * <li>{@code cascade}: the catalog cascade, both ends: delivering this platform's published catalog to its upper
 * peers (after each change, and a periodic catch-up), and receiving a lower platform's deliveries.</li>
 * <li>{@code harvest}: harvesting other catalogs (issue #13): the sources the administrator registers (CKAN Action
 * APIs, DCAT catalogs, other govdata platforms), incremental runs on a schedule and on demand with their reports,
 * and the datasets harvested, keyed by source and the source's id, with their origin.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog" })
package cn.govdata.federation;

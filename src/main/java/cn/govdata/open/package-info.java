/**
 * Open data for the public (开放, OPN): a provider department opens a published catalog entry's dataset after
 * a recorded review (OPN-5), with a desensitisation rule per data item and a scan for personal data that nobody
 * marked (OPN-4); the public reads what is open through a CKAN-compatible Action API, so that existing
 * open-data clients and harvesters work unchanged.
 *
 * <p>Rooms:
 * <ul>
 * <li>{@code release} — opening, the authority's confirmation, withdrawal, rules per item, the review; the opened
 * datasets as the public sees them; following the catalog (retired or changed entries); change stamps for
 * harvesting; the console API under {@code /api/v1/open}; the module's one access policy ({@code OpenAccess})</li>
 * <li>{@code desensitise} — the one gate every value of open data leaves through, default rules, the scan for
 * personal data before opening</li>
 * <li>{@code ckan} — the CKAN Action API at {@code /api/3/action/*} and {@code /api/action/*}: packages, search
 * with facets, organisations, groups, tags, resources, {@code datastore_search}</li>
 * <li>{@code dcat} — the open catalog as DCAT-AP 3 documents ({@code /catalog.ttl}, {@code .jsonld}, {@code .rdf},
 * {@code /dataset/{id}.*}), paged with Hydra, from the CKAN API's own search</li>
 * <li>{@code download} — {@code /datastore/dump/{resource_id}} in CSV and JSON, streamed</li>
 * <li>{@code usage} — views, downloads and API calls per dataset, counted in memory and written in batches;
 * the summary for the portal's home</li>
 * <li>{@code portal} — the public portal's pages at {@code /open/} and the portal-only deployment</li>
 * <li>{@code account} — public accounts (citizens, legal persons, universities and institutes): registration with
 * a verification code, login, profile, notices</li>
 * <li>{@code demand} — open-demand requests (OPN-3): routing, answers, objections, the authority's review, the public
 * list, fulfilment when the entry is opened</li>
 * <li>{@code application} — applications for data open on application (OPN-2), the grants they give, the uses counted
 * under each grant and the grantees' usage reports (OPN-6)</li>
 * <li>{@code key} — public API keys, their quotas and rate limits</li>
 * <li>{@code reuse} — apps and results built on open data (利用成果, OPN-6), moderated by the authority</li>
 * <li>{@code emergency} — emergency data (OPN-7): the flag, the raised update cycle the lake follows, the public
 * change feed of open datasets</li>
 * <li>{@code revenue} — revenue from authorised development and its allocation by contribution (OPN-8)</li>
 * </ul>
 * Nothing of this module is used by other modules; its base package holds the audit action names and the event
 * {@link cn.govdata.open.DatasetOpened}, by which an opening fulfils the demand requests waiting for it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog",
        "lake", "security" })
package cn.govdata.open;

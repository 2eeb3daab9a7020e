/**
 * Sharing between departments (共享, SHR-1 … SHR-4, SEC-2): the share catalog as a department sees it,
 * requests for unconditionally shared data, share applications for conditionally shared data with their
 * materials, routing to the approver the regional profile names and the reply deadline from the working-day
 * calendar, decisions that may narrow what was applied for, refusals that must cite their legal basis,
 * coordination by the data authority of refused and not-shared data (NX11), the timeline of every
 * application, and the grants that result.
 *
 * <p>Public surface for the data access interfaces (verification, query, exchange, subscription):
 * {@link cn.govdata.share.ShareGrants} (authorise a use against the caller's grants, count the daily quota,
 * keep the rate limit), with {@link cn.govdata.share.AuthorizedUse}, {@link cn.govdata.share.WayOfUse},
 * {@link cn.govdata.share.RowFilter} and the events {@link cn.govdata.share.GrantIssued} and
 * {@link cn.govdata.share.GrantRevoked}; and {@link cn.govdata.share.Objections#underReview} (which records have an
 * open objection, SHR-7).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog", "lake", "security" })
package cn.govdata.share;

/**
 * Sharing between departments (共享, SHR-1 … SHR-7, SEC-2): the share catalog as a department sees it, requests
 * for unconditionally shared data, share applications for conditionally shared data with their materials, routing
 * to the approver the regional profile names and the reply deadline from the working-day calendar, decisions that
 * may narrow what was applied for, refusals that must cite their legal basis, coordination by the data authority of
 * refused and not-shared data (NX11), the timeline of every application, the grants that result, the data access
 * interfaces and subscriptions that use them, objections to shared data, and the records of every use.
 *
 * <p>Public surface, for the data access interfaces (verification, query, exchange, subscription):
 * {@link cn.govdata.share.ShareGrants} (authorise a use against the caller's grants, count the daily quota, keep
 * the rate limit), with {@link cn.govdata.share.AuthorizedUse} — the one gate through which data leaves under a
 * grant: the records it admits, the values masked — and {@link cn.govdata.share.SharedChange},
 * {@link cn.govdata.share.WayOfUse}, {@link cn.govdata.share.RowFilter}, the events
 * {@link cn.govdata.share.GrantIssued} and {@link cn.govdata.share.GrantRevoked}; and
 * {@link cn.govdata.share.RecordsUnderReview} (which records have an open objection, SHR-7).
 *
 * <p>Rooms — the sub-packages, internal to the module; none depends on another in a cycle, none holds more than 25
 * classes ({@code ShareRoomsTest}):
 * <ul>
 * <li>{@code common}: what every room shares — who may do what ({@code SharePermissions}, one method per
 * permission), the audit action names ({@code ShareAuditAction}), the settings, the clock, stages, deadlines,
 * stated texts and the parties of a shared thing (the files parties send are {@code shared.StoredFiles}).</li>
 * <li>{@code grant}: grants — issued on {@code GrantTerms}, listed, revoked — and the daily quota
 * ({@code QuotaLedger}).</li>
 * <li>{@code application}: the share catalog view, requests, applications with their materials, decisions,
 * coordination, the timeline, the renewal of a grant, and the reminder job.</li>
 * <li>{@code access}: the data access interfaces — verification, query, exchange (streamed as CSV or JSON Lines) —
 * and their OpenAPI description.</li>
 * <li>{@code subscription}: subscriptions and their signed pushes, the endpoint address policy, the sealed secrets,
 * and the subscription part of the description.</li>
 * <li>{@code objection}: objections and their re-verification, evidence, and their reminders.</li>
 * <li>{@code usage}: the usage records of shared data (SEC-2) and their views.</li>
 * </ul>
 * Every room may use {@code common} and the public surface; {@code application}, {@code access},
 * {@code subscription}, {@code objection} and {@code usage} use {@code grant}; {@code application} runs the
 * objections' reminders, {@code access} records uses ({@code usage}) and describes subscriptions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog", "lake", "security" })
package cn.govdata.share;

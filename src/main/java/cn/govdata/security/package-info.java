/**
 * Authentication and request authorisation (SEC-1): console logins become bearer tokens, connected
 * systems obtain tokens at the OAuth2 token endpoint, and every request under {@code /api} is refused
 * unless it carries a live token. Fine-grained rules (which department's objects) are checked by each
 * module against the {@link cn.govdata.shared.Actor} this module puts in the security context.
 *
 * <p>Rooms: {@code incident} — security incidents (SEC-5): registered by the authority's security administrator,
 * drafted automatically from suspicious patterns in the audit log, notified to the departments affected, reported;
 * {@code assessment} — the departments' periodic risk self-assessments (SEC-6); {@code trace} — leak tracing (SHR-6):
 * the exports to consumers recorded with their watermark ({@link cn.govdata.security.ExportWatermarks}, which sharing
 * calls as a file leaves) and a leaked file traced back to its grant and time. All use the module's
 * {@link cn.govdata.security.SecurityAccess} and {@link cn.govdata.security.SecurityAuditAction}; incidents name the
 * catalog entries affected, hence the dependency on {@code catalog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "audit", "catalog", "policy" })
package cn.govdata.security;

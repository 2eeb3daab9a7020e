/**
 * Authentication and request authorisation (SEC-1): console logins become bearer tokens, connected
 * systems obtain tokens at the OAuth2 token endpoint, and every request under {@code /api} is refused
 * unless it carries a live token. Fine-grained rules (which department's objects) are checked by each
 * module against the {@link cn.govdata.shared.Actor} this module puts in the security context.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "audit" })
package cn.govdata.security;

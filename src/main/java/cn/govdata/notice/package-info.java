/**
 * Notifications: every user's inbox of the notices the platform raises (a correction order to their department,
 * an application waiting for them, an escalation for the chief data officer...), read and counted in the console,
 * and their delivery by e-mail and by text message (per user preference, when an SMTP server, an SMS gateway is
 * configured) and by a department's webhook, after the raising transaction committed and retried until delivered, never blocking the action.
 *
 * <p>Modules raise notices by publishing {@link cn.govdata.shared.notify.NoticeRaised} (in the shared kernel, so
 * they need no dependency on this module); Spring Modulith's publication registry keeps the event until it was
 * stored, and a notice reaches each user once per occurrence, across nodes. Once a day the deadline notices tell
 * who owes a deadline that it is due soon, due today or overdue (one notice per deadline and stage), from the
 * deadlines the modules list ({@link cn.govdata.shared.notify.PendingDeadlines}). This module depends on {@code org}
 * to find who holds a role or office, and on {@code policy} for the working-day calendar; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy" })
package cn.govdata.notice;

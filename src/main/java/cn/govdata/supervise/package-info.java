/**
 * Supervision (监督评估, SUP-1 … SUP-5, CAT-10): the data authority judges the departments on what the platform recorded,
 * never on figures typed in. The facts come read-only from the modules' own fact classes
 * ({@link cn.govdata.catalog.CatalogFacts}, {@link cn.govdata.lake.LakeFacts}, {@link cn.govdata.share.ShareFacts}).
 *
 * <p>Rooms (internal sub-packages):
 * <ul>
 * <li>{@code violation}: the rules that detect violations (SUP-3), their detection on a schedule and on demand,
 * correction orders (整改通知) with a deadline in working days, the department's answer, the re-check, closing
 * and escalation to a notice (通报); the demo detection.</li>
 * <li>{@code metric}: the metrics of each department per year with their definitions and the records behind
 * them, and the scoring model of the policy profile, versioned (SUP-1).</li>
 * <li>{@code project}: information projects (信息化项目, CAT-10): the department registers a project with the catalog
 * entries it produces or uses; the check of its catalog before approval and the acceptance check (验收) over the
 * catalog's and the lake's facts, with the evidence kept. A room of supervision rather than of the catalog: it
 * judges a department's catalog and its data together, as supervision does, and reads both modules only through
 * their fact classes.</li>
 * <li>{@code report}: the documents supervision produces: the yearly report as PDF (SUP-2), the departments' yearly
 * self-reports, prefilled from the metrics, written, submitted and exported as PDF and XLSX (SUP-2), a project's
 * acceptance evidence and a department's compliance statement (SUP-4).</li>
 * <li>{@code assessor}: third-party assessors' time-boxed, read-only, audited access to the region's supervision
 * data (SUP-5); it checks every supervision request of an assessor before the rooms' rules.</li>
 * </ul>
 * {@code report} builds on {@code metric}, which builds on {@code violation}, and on {@code project}, which builds on
 * neither; {@code assessor} stands alone. The base package holds the one
 * access policy {@link cn.govdata.supervise.SuperviseAccess} and the audit actions
 * {@link cn.govdata.supervise.SuperviseAuditAction}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "shared", "audit", "org", "policy", "catalog", "lake", "share" })
package cn.govdata.supervise;

/**
 * The data lake (归集, AGG-1 … AGG-8): departments' data aggregated into the lake, checked against the
 * catalog entry that describes it. This module owns the quality rules records must meet (the value
 * standards such as GB 11643 citizen ID numbers and GB 32100 credit codes, the rules derived from an
 * entry's data items and the extension rules a department or the authority adds), the validation of
 * records against them, the detection of duplicate record keys in a batch, and the streaming reading of
 * bulk files (CSV, XLSX, JSON Lines). No other module depends on its internals.
 *
 * <p>This package is the module's API, what other modules use: {@link cn.govdata.lake.LakeRecords} (reading
 * current records), {@link cn.govdata.lake.RecordCorrections}, the event {@link cn.govdata.lake.DatasetChanged}
 * and {@link cn.govdata.lake.RecordKey}. The rest lives in rooms, one sub-package per feature, that depend on
 * each other one way only (no import cycle; {@code ModularityTest} checks it):
 * <ul>
 * <li>{@code lake.dataset} — datasets and their tables, following the catalog's published versions,
 * aggregation status and cycle exceptions; who may do what ({@code LakeAccess}) and the audit actions
 * ({@code LakeAuditAction});</li>
 * <li>{@code lake.ingest} — bulk batches (uploads, staging, reports, rejected rows), real-time push, a
 * dataset's extension rules, the row writers, recovery after a stop, the demo data;</li>
 * <li>{@code lake.source} — the streaming readers of CSV, XLSX and JSON Lines files;</li>
 * <li>{@code lake.quality} — value standards, quality rules, record validation, duplicate keys, masking;</li>
 * <li>{@code lake.governance} — authoritative sources and repeated collections, discrepancies, deletion
 * requests, purchase filings;</li>
 * <li>{@code lake.sealing} — the SM4 sealing of personal-information values at rest and its key file;</li>
 * <li>{@code lake.keys} — the rotation of those keys (the security administrator's API and the re-sealing job).</li>
 * </ul>
 * {@code ingest} uses {@code governance}, both use {@code dataset}, {@code keys} uses {@code dataset}, every room may
 * use {@code quality} and {@code sealing}, which uses none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog" })
package cn.govdata.lake;

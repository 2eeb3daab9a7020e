package cn.govdata.security.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.security.ExportWatermarks.GrantKind;
import cn.govdata.security.SecurityAccess;
import cn.govdata.security.SecurityAuditAction;
import cn.govdata.security.trace.LeakedFile.MarkedValue;
import cn.govdata.security.trace.RecordedExports.RecordedExport;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Traces a leaked file (SHR-6): the authority's security administrator hands in a CSV or xlsx file; each marked value
 * in it shows one bit of the export it came from ({@link ExportFingerprint}), and the recorded export of the region's
 * data whose bits agree best is the answer — if the agreement is beyond chance. A file that was never exported agrees
 * with any export on about half its values; the file of an export agrees on all of them, also after re-sorting and
 * dropping columns or rows. The confidence is one minus the chance that some export agreed this well by luck
 * (binomial tail, multiplied by the number of exports compared). Every trace is audited, refused or not.
 */
@Service
class LeakTracing {

    /** A trace with fewer marked values than this cannot tell exports apart with confidence. */
    static final int MIN_VALUES = 16;
    /** A match is reported only at this confidence or above. */
    static final double MIN_CONFIDENCE = 0.999;
    /** The first pass compares this many values with every export; those agreeing on most go to the full count. */
    private static final int FIRST_PASS = 64;
    private static final double FIRST_PASS_AGREEMENT = 0.75;
    /** A confidence is never shown as certainty. */
    private static final double MAX_SHOWN_CONFIDENCE = 0.999999;

    /**
     * The export a file came from.
     *
     * @param grantKind {@code SHARE} (a department's share grant) or {@code OPEN} (an account holder's approved
     *        open application, whose id {@code grantId} is)
     * @param confidence how sure the trace is, 0.999 to 0.999999
     * @param consumerDepartmentId the department the file went to; null for open data
     * @param consumer who the file went to: the department's name, or the account holder's as when it left
     * @param valuesCompared the marked values of the file that were compared
     * @param valuesAgreeing of those, the ones written as that export writes them
     */
    record Trace(long grantId, OffsetDateTime exportedAt, double confidence, GrantKind grantKind, long exportId,
            long entryId, String resourceCode, Long consumerDepartmentId, String consumer, long records,
            int valuesCompared, int valuesAgreeing) {
    }

    private final RecordedExports exports;
    private final Directory directory;
    private final AuditLog audit;
    private final long maxFileBytes;

    LeakTracing(RecordedExports exports, Directory directory, AuditLog audit,
            @Value("${govdata.security.trace.max-file-bytes:52428800}") long maxFileBytes) {
        this.exports = exports;
        this.directory = directory;
        this.audit = audit;
        this.maxFileBytes = maxFileBytes;
    }

    Trace trace(Actor actor, MultipartFile file) {
        String name = file == null ? null : printable(file.getOriginalFilename());
        try {
            SecurityAccess.requireSecurityAdministrator(actor);
            Trace trace = traced(actor, file);
            audit.record(AuditEvent.success(SecurityAuditAction.TRACE,
                    trace.grantKind() == GrantKind.OPEN ? "open-application" : "share-grant", trace.grantId(), "file " + name
                    + " traced to export " + trace.exportId() + " of " + trace.resourceCode() + " at "
                    + trace.exportedAt() + ", confidence " + trace.confidence() + ", " + trace.valuesAgreeing()
                    + " of " + trace.valuesCompared() + " marked values agreeing"));
            return trace;
        } catch (DomainException refused) {
            audit.record(AuditEvent.failure(SecurityAuditAction.TRACE, "file", null, "file " + name + ": "
                    + refused.getMessage()));
            throw refused;
        }
    }

    private Trace traced(Actor actor, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("file"));
        }
        if (file.getSize() > maxFileBytes) {
            throw new DomainException(ProblemCode.PAYLOAD_TOO_LARGE);
        }
        LeakedFile.Kind kind = LeakedFile.kindOf(file.getOriginalFilename(), file.getContentType());
        if (kind == null) {
            throw new DomainException(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MarkedValue> values = LeakedFile.read(kind, content).values();
        if (values.size() < MIN_VALUES) {
            throw noMatch(values.size(), 0);
        }
        List<RecordedExport> recorded = exports.ofRegion(actor.regionId());
        RecordedExport best = null;
        int bestAgreeing = -1;
        for (RecordedExport candidate : firstPass(recorded, values)) {
            int agreeing = agreeing(exports.fingerprint(candidate.id()), values);
            if (agreeing > bestAgreeing) {
                best = candidate;
                bestAgreeing = agreeing;
            }
        }
        double confidence = best == null ? 0 : confidence(values.size(), bestAgreeing, recorded.size());
        if (confidence < MIN_CONFIDENCE) {
            int percent = best == null ? 0 : (int) (100L * bestAgreeing / values.size());
            throw noMatch(values.size(), percent);
        }
        String consumer = best.consumerDepartmentId() == null ? best.holderName()
                : directory.department(best.consumerDepartmentId()).map(Directory.DepartmentInfo::name).orElse(null);
        return new Trace(best.grantId(), best.exportedAt(), confidence, best.kind(), best.id(), best.entryId(),
                best.resourceCode(), best.consumerDepartmentId(), consumer, best.records(), values.size(), bestAgreeing);
    }

    /** The exports that agree with the file's first values on most of them: the true one agrees on nearly all. */
    private List<RecordedExport> firstPass(List<RecordedExport> recorded, List<MarkedValue> values) {
        List<MarkedValue> first = values.subList(0, Math.min(FIRST_PASS, values.size()));
        List<RecordedExport> candidates = new ArrayList<>();
        for (RecordedExport export : recorded) {
            if (agreeing(exports.fingerprint(export.id()), first) >= FIRST_PASS_AGREEMENT * first.size()) {
                candidates.add(export);
            }
        }
        return candidates;
    }

    /** How many of the values the file writes as the export would. */
    static int agreeing(ExportFingerprint fingerprint, List<MarkedValue> values) {
        int agreeing = 0;
        for (MarkedValue value : values) {
            if (fingerprint.formOf(value.canonical()) == value.form()) {
                agreeing++;
            }
        }
        return agreeing;
    }

    /**
     * One minus the chance that any of {@code exports} exports agrees by luck on {@code agreeing} or more of
     * {@code values} values (each a fair coin for an export the file did not come from), at most 0.999999.
     */
    static double confidence(int values, int agreeing, int exports) {
        double chance = Math.min(1, upperTail(values, agreeing) * Math.max(1, exports));
        return Math.min(MAX_SHOWN_CONFIDENCE, 1 - chance);
    }

    /** P(X ≥ k) for X binomial with n trials of probability ½, summed in logarithms so that large n do not overflow. */
    static double upperTail(int n, int k) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double logTerm = -n * Math.log(2); // log P(X = 0)
        for (int i = 0; i < k; i++) {
            logTerm += Math.log((double) (n - i) / (i + 1));
        }
        // P(X = k) · (1 + t(k+1)/t(k) + …): the terms after k shrink, stop when they no longer count
        double sum = 0;
        double ratio = 1;
        for (int i = k; i <= n && ratio > 1e-18 * Math.max(sum, 1); i++) {
            sum += ratio;
            ratio *= (double) (n - i) / (i + 1);
        }
        return Math.min(1, Math.exp(logTerm) * sum);
    }

    private static DomainException noMatch(int values, int bestAgreementPercent) {
        return new DomainException(ProblemCode.TRACE_NO_MATCH, values, bestAgreementPercent);
    }

    /** A file name as the audit log shows it: no control characters, at most 100 characters. */
    private static String printable(String name) {
        if (name == null) {
            return "(unnamed)";
        }
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}

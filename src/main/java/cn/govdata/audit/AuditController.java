package cn.govdata.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The audit administrator's view of the log: search, CSV export and verification. Auditors are audited
 * too: each of these is itself recorded.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "the tamper-evident audit log")
class AuditController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AuditSearch search;
    private final AuditVerification verification;
    private final AuditSigningKey key;
    private final AuditLog audit;
    private final AuditVocabulary vocabulary;
    private final AuditSentences sentences;

    AuditController(AuditSearch search, AuditVerification verification, AuditSigningKey key, AuditLog audit,
            AuditVocabulary vocabulary, AuditSentences sentences) {
        this.search = search;
        this.sentences = sentences;
        this.vocabulary = vocabulary;
        this.verification = verification;
        this.key = key;
        this.audit = audit;
    }

    @GetMapping
    AuditSearch.Page search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId, @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            HttpServletRequest http) {
        AuditAccess.requireReadsTheLog(Actor.require());
        AuditSearch.Filter filter = filter(from, to, actor, departmentId, action, objectType, objectId, outcome);
        AuditSearch.Page result = sentences.described(search.search(filter, page, size), ProblemResponses.localeOf(http));
        audit.record(AuditEvent.success(AuditLogAction.SEARCH, "audit", null, describe(filter)));
        return result;
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
            @RequestParam(required = false) AuditOutcome outcome) {
        AuditAccess.requireReadsTheLog(Actor.require());
        AuditSearch.Filter filter = filter(from, to, actor, departmentId, action, objectType, objectId, outcome);
        audit.record(AuditEvent.success(AuditLogAction.EXPORT, "audit", null, describe(filter)));
        StreamingResponseBody body = out -> search.exportCsv(filter, out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .body(body);
    }

    @GetMapping("/verify")
    AuditVerification.Result verify() {
        AuditAccess.requireVerifiesTheLog(Actor.require());
        AuditVerification.Result result = verification.verify();
        audit.record(new AuditEvent(AuditLogAction.VERIFY, "audit", null,
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                "entries " + result.entries() + (result.intact() ? ", intact" : ", broken at " + result.firstBroken()),
                null, null));
        return result;
    }

    record Vocabulary(List<AuditVocabulary.Label> actions, List<AuditVocabulary.Label> objectTypes) {
    }

    /** Every action and object type with its label in Chinese and English, for the console's list and table. */
    @GetMapping("/vocabulary")
    Vocabulary vocabulary() {
        AuditAccess.requireReadsTheLog(Actor.require());
        return new Vocabulary(vocabulary.actions(), vocabulary.objectTypes());
    }

    @GetMapping(path = "/public-key", produces = "application/x-pem-file")
    String publicKey() {
        Actor.require();
        return key.publicKeyPem();
    }

    /** An action that is no code nor a family's prefix is text to find in the codes and their labels. */
    private AuditSearch.Filter filter(String from, String to, String actor, Long departmentId, String action,
            String objectType, String objectId, AuditOutcome outcome) {
        boolean exact = action == null || action.isBlank() || action.trim().endsWith(".")
                || vocabulary.isAction(action.trim());
        Set<String> labelled = exact ? null : vocabulary.actionsMentioning(action);
        return new AuditSearch.Filter(time(from, false), time(to, true), actor, departmentId, action, labelled,
                objectType, objectId, outcome);
    }

    /** Accepts an ISO date-time with offset, or a date (the start or end of that day in Beijing time). */
    private static OffsetDateTime time(String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1).atStartOfDay(SHANGHAI).minusNanos(1000) : day.atStartOfDay(SHANGHAI))
                        .toOffsetDateTime();
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(ProblemCode.INVALID_AUDIT_QUERY, "'" + value + "' is not a date or date-time");
        }
    }

    private static String describe(AuditSearch.Filter f) {
        return "from=" + f.from() + " to=" + f.to() + " actor=" + f.actor() + " department=" + f.departmentId()
                + " action=" + f.action() + " object=" + f.objectType() + "/" + f.objectId() + " outcome=" + f.outcome();
    }
}

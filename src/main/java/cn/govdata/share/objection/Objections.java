package cn.govdata.share.objection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.RecordCorrections;
import cn.govdata.lake.RecordKey;
import cn.govdata.org.Directory;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.ObjectionRoute;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.RecordsUnderReview;
import cn.govdata.share.ShareGrants;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.Parties;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.ShareLabels;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.common.ShareSettings;
import cn.govdata.share.common.Stage;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.shared.Actor;
import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ReadThroughCache;
import cn.govdata.shared.StoredFiles;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objections to shared data and their re-verification (疑义与复核, SHR-7: NX15, AB28, TJ18, FZ13). A department
 * using shared data under a grant, or the data authority on a citizen's behalf, reports that a data item of a
 * record is wrong; the providing department checks it and either corrects the record in the lake (a new
 * version, the old one kept in the history) or confirms the stored value with its reasons. Routing and the due
 * date follow the policy profile ({@link ObjectionRules}); one extension needs an approver's consent. A citizen's
 * business is not held up meanwhile: the data access interfaces go on delivering the record, marked as under
 * review ({@link #underReview}).
 *
 * <p>Visible to the raising department, the providing department and the authority's officers (share approver or
 * catalog reviewer of the region's data authority); 404 to anyone else. Every action and every refusal is audited
 * ({@code share.objection.*}); a refusal in its own transaction, so it stays when the action rolls back.
 */
@Service
class Objections implements RecordsUnderReview {

    enum Status { OPEN, CORRECTED, CONFIRMED }

    /** Whether the objection came from a department using the data, or from the authority for a citizen. */
    enum RaisedAs { CONSUMER, AUTHORITY }

    enum Side { RAISER, PROVIDER, AUTHORITY }

    /** What happened; {@code REMINDER} and {@code OVERDUE} are written by the reminder job ({@link ObjectionReminders}). */
    enum EventType { RAISED, EVIDENCE_ADDED, FORWARDED, EXTENSION_REQUESTED, EXTENDED, EXTENSION_REFUSED, CORRECTED,
        CONFIRMED, REMINDER, OVERDUE }

    record NewObjection(Long entryId, Map<String, String> keyValues, String item, String proposedValue,
            String description) {
    }

    /** An extension asked for by the handler and decided by an approver. */
    record Extension(String requestedBy, OffsetDateTime requestedAt, int workingDays, String reason, String decision,
            String decidedBy, OffsetDateTime decidedAt) {
    }

    record Evidence(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    record Event(long id, EventType type, OffsetDateTime at, String actor, Long actorDepartmentId,
            Map<String, Object> detail) {
    }

    /**
     * An objection as its parties see it; {@code evidence} and {@code timeline} only in the detail. {@code dueSoon}
     * and {@code overdue} only while it is open; {@code remindedAt} when the reminder job reminded its handler of
     * the current due date. {@code recordedValue} and {@code correctedValue} are the stored values as the caller may
     * see them ({@link ObjectionValues}); where it may see none, {@code recordedValueNote} says why.
     */
    record Objection(long id, long regionId, long entryId, String resourceCode, String entryName, long providerDepartmentId,
            long raiserDepartmentId, String raisedBy, RaisedAs raisedAs, Long grantId, Map<String, String> keyValues,
            String item, String recordedValue, String recordedValueNote, String proposedValue, String description,
            ObjectionRoute route,
            Stage stage, Status status, OffsetDateTime raisedAt, LocalDate dueOn, boolean overdue, boolean dueSoon,
            OffsetDateTime remindedAt, Extension extension, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
            String correctedValue, Long correctionBatchId, List<Evidence> evidence, List<Event> timeline) {

        /** Whom the objection is between (the raiser as the consumer), for {@link SharePermissions}. */
        Parties parties() {
            return new Parties(regionId, providerDepartmentId, raiserDepartmentId);
        }

        /** The objection with the stored values as a caller may see them. */
        Objection shown(String recorded, String note, String corrected, List<Event> events) {
            return new Objection(id, regionId, entryId, resourceCode, entryName, providerDepartmentId,
                    raiserDepartmentId, raisedBy, raisedAs, grantId, keyValues, item, recorded, note, proposedValue,
                    description, route, stage, status, raisedAt, dueOn, overdue, dueSoon, remindedAt, extension,
                    decidedBy, decidedAt, decisionNote, corrected, correctionBatchId, evidence, events);
        }
    }

    /** Who the events the platform writes itself are recorded for. */
    private static final String PLATFORM = "system";

    /** A stored evidence file ready to be streamed. */
    record Download(Evidence evidence, java.nio.file.Path file) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final Grants grants;
    private final ShareGrants shareGrants;
    private final LakeRecords lake;
    private final RecordCorrections corrections;
    private final EvidenceFiles files;
    private final ObjectionValues values;
    private final ShareSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate independent;
    /** Open objections per entry: record key → items objected to. */
    private final ReadThroughCache<Long, Map<String, Set<String>>> openOn;

    Objections(JdbcClient jdbc, JsonMapper json, PublishedCatalog catalog, Directory directory, ActivePolicy policy,
            WorkingDayCalendar calendar, Grants grants, ShareGrants shareGrants, LakeRecords lake,
            RecordCorrections corrections, EvidenceFiles files, ObjectionValues values, ShareSettings settings,
            AuditLog audit, PlatformTransactionManager transactionManager, CacheDrops caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.directory = directory;
        this.policy = policy;
        this.calendar = calendar;
        this.grants = grants;
        this.shareGrants = shareGrants;
        this.lake = lake;
        this.corrections = corrections;
        this.files = files;
        this.values = values;
        this.settings = settings;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.independent = new TransactionTemplate(transactionManager);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.openOn = caches.cache("share.open-objections", Duration.ofSeconds(2), 10_000);
    }

    // --- the interface for the data access interfaces -------------------------------------------------------------

    /**
     * Which of these records of a catalog entry's dataset are under review: an open objection on them. For the
     * data access interfaces (verification, query, exchange), which deliver such records marked as under review
     * — never withheld, so that nobody's business waits for the check. The open objections of an entry are few
     * and asked about on every shared read, so they are kept in memory: dropped on every node when one is raised or
     * closed, and after two seconds otherwise (a drop a node did not hear).
     *
     * @param recordKeys record keys as the lake stores them ({@link LakeRecords.Row#key()})
     * @return for each key with an open objection, the data items objected to, in key order; keys without an
     *         open objection are absent
     */
    @Override
    public Map<String, Set<String>> underReview(long entryId, Collection<String> recordKeys) {
        Map<String, Set<String>> review = new TreeMap<>();
        if (recordKeys == null || recordKeys.isEmpty()) {
            return review;
        }
        Map<String, Set<String>> open = openOn.get(entryId, this::openObjections);
        if (!open.isEmpty()) {
            recordKeys.forEach(key -> {
                Set<String> items = open.get(key);
                if (items != null) {
                    review.put(key, items);
                }
            });
        }
        return review;
    }

    private Map<String, Set<String>> openObjections(long entryId) {
        Map<String, Set<String>> open = new HashMap<>();
        jdbc.sql("select record_key, item from share_objection where entry_id = ? and status = 'OPEN'").param(entryId)
                .query((RowCallbackHandler) rs -> open
                        .computeIfAbsent(rs.getString("record_key"), k -> new TreeSet<>()).add(rs.getString("item")));
        Map<String, Set<String>> frozen = new HashMap<>();
        open.forEach((key, items) -> frozen.put(key, Collections.unmodifiableSet(items)));
        return Collections.unmodifiableMap(frozen);
    }

    // --- raising ---------------------------------------------------------------------------------------------------

    /**
     * Raises an objection to one data item of one current record. A department's data user needs a grant of its
     * department for the entry that allows query or verification of the item and reaches the record (its row
     * filter); the authority's officers raise on a citizen's behalf for any published entry of the region. A
     * missing record and a record outside the grant are refused alike, so nothing else is disclosed.
     */
    Objection raise(Actor actor, NewObjection request) {
        Long entryId = request == null ? null : request.entryId();
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_RAISE, "catalog-entry", entryId, () -> {
            require(request.entryId() != null, "entryId");
            require(request.keyValues() != null && !request.keyValues().isEmpty(), "keyValues");
            require(blankToNull(request.item()) != null, "item");
            require(request.proposedValue() != null, "proposedValue");
            require(blankToNull(request.description()) != null, "description");
            limit("description", request.description(), 2000);
            limit("proposedValue", request.proposedValue(), 4000);
            PublishedEntry entry = catalog.byId(entryId).filter(e -> e.regionId() == actor.regionId())
                    .orElseThrow(() -> DomainException.notFound("catalog entry", entryId));
            String item = request.item().strip();
            boolean byAuthority = SharePermissions.objectionOfficer(actor, entry.regionId());
            AuthorizedUse use = byAuthority ? null : authorized(actor, entry, item);
            LakeRecords.Source source = lake.ofEntry(entryId)
                    .orElseThrow(() -> new DomainException(ProblemCode.OBJECTION_RECORD_NOT_FOUND, entry.resourceCode()));
            if (!source.items().contains(item) || source.keyItems().contains(item)) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("item"), String.join(" / ",
                        source.items().stream().filter(i -> !source.keyItems().contains(i)).toList()));
            }
            Map<String, String> keyValues = new LinkedHashMap<>();
            for (String keyItem : source.keyItems()) {
                String value = blankToNull(request.keyValues().get(keyItem));
                if (value == null) {
                    throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("keyValues." + keyItem));
                }
                keyValues.put(keyItem, value);
            }
            String recordKey = RecordKey.of(source.keyItems(), keyValues).stored();
            List<LakeRecords.Condition> conditions = use == null ? List.of() : use.conditions();
            LakeRecords.Row row = lake.byKey(source, recordKey, List.of(item), conditions)
                    .orElseThrow(() -> new DomainException(ProblemCode.OBJECTION_RECORD_NOT_FOUND, entry.resourceCode()));
            return transactions.execute(status -> insert(actor, entry, use, byAuthority, keyValues, recordKey, item,
                    row.values().get(item), request));
        });
    }

    private Objection insert(Actor actor, PublishedEntry entry, AuthorizedUse use, boolean byAuthority,
            Map<String, String> keyValues, String recordKey, String item, String recordedValue, NewObjection request) {
        PolicyProfile.Objection rules = policy.profile().objection();
        Long authorityDepartment = directory.region(entry.regionId()).map(Directory.RegionInfo::authorityDepartmentId)
                .orElse(null);
        Stage stage = ObjectionRules.firstStage(rules.route(), byAuthority,
                authorityDepartment != null && authorityDepartment == entry.departmentId());
        OffsetDateTime now = ShareClock.now();
        LocalDate due = ObjectionRules.due(calendar, rules, now.toInstant());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_objection (region_id, entry_id, resource_code, entry_name, provider_department_id,
                    raiser_department_id, raised_by, raised_as, grant_id, record_key, key_values, item, recorded_value,
                    proposed_value, description, route, stage, status, raised_at, due_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(entry.regionId(), entry.id(), entry.resourceCode(), entry.content().name(), entry.departmentId(),
                        actor.departmentId(), actor.name(), (byAuthority ? RaisedAs.AUTHORITY : RaisedAs.CONSUMER).name(),
                        use == null ? null : use.grantId(), recordKey, json.writeValueAsString(keyValues), item,
                        recordedValue, request.proposedValue().strip(), request.description().strip(),
                        rules.route().name(), stage.name(), now, due)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        openOn.forgetAfterCommit(entry.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("item", item);
        detail.put("stage", stage.name());
        detail.put("dueOn", due == null ? null : due.toString());
        detail.put("raisedAs", byAuthority ? RaisedAs.AUTHORITY.name() : RaisedAs.CONSUMER.name());
        event(id, EventType.RAISED, actor, detail);
        audit.record(new AuditEvent(ShareAuditAction.OBJECTION_RAISE, "share-objection", Long.toString(id),
                AuditOutcome.SUCCESS, "entry " + entry.resourceCode() + " item " + item + " stage "
                        + stage + (due == null ? "" : " due " + due),
                use == null ? null : use.purpose(), use == null ? null : Long.toString(use.grantId())));
        return shown(actor, load(id, true));
    }

    /**
     * The caller's grant for the item, by query if a grant allows it, else by verification. Any refusal is
     * answered as 404, as for an entry the caller cannot see; the reason stays in the audit log.
     */
    private AuthorizedUse authorized(Actor actor, PublishedEntry entry, String item) {
        SharePermissions.requireRaisesUnderGrant(actor);
        List<Grant> held = grants.held(actor.departmentId(), entry.id());
        boolean byQuery = held.stream().anyMatch(g -> covers(g, item, WayOfUse.QUERY));
        boolean byVerification = held.stream().anyMatch(g -> covers(g, item, WayOfUse.VERIFICATION));
        WayOfUse way = !byQuery && byVerification ? WayOfUse.VERIFICATION : WayOfUse.QUERY;
        try {
            return shareGrants.authorize(actor, entry.id(), way, Set.of(item));
        } catch (DomainException refused) {
            throw new Hidden(refused, DomainException.notFound("catalog entry", entry.id()));
        }
    }

    private static boolean covers(Grant grant, String item, WayOfUse way) {
        return grant.status() == Grants.Status.ACTIVE && grant.items().contains(item) && grant.ways().contains(way);
    }

    // --- evidence -------------------------------------------------------------------------------------------------

    /** Adds an evidence file to an open objection, by a user of the raising department. */
    Evidence addEvidence(Actor actor, long id, MultipartFile file) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_EVIDENCE, "share-objection", id,
                () -> transactions.execute(s -> {
                    Objection objection = visible(actor, id);
                    SharePermissions.requireAddsEvidence(actor, objection.parties());
                    requireOpen(objection, "evidence");
                    int count = jdbc.sql("select count(*) from share_objection_evidence where objection_id = ?").param(id)
                            .query(Integer.class).single();
                    if (count >= settings.maxAttachments()) {
                        throw new DomainException(ProblemCode.TOO_MANY_ATTACHMENTS, settings.maxAttachments());
                    }
                    StoredFiles.Stored stored = files.store(file);
                    KeyHolder keys = new GeneratedKeyHolder();
                    jdbc.sql("""
                            insert into share_objection_evidence (objection_id, file_name, content_type, size_bytes, sha256,
                                storage_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(id, stored.fileName(), stored.kind().mediaType(), stored.size(), stored.sha256(),
                                    stored.storageName(), actor.name(), ShareClock.now())
                            .update(keys, "id");
                    long evidenceId = keys.getKeyAs(Long.class);
                    event(id, EventType.EVIDENCE_ADDED, actor,
                            Map.of("file", stored.fileName(), "sha256", stored.sha256()));
                    audit.record(AuditEvent.success(ShareAuditAction.OBJECTION_EVIDENCE, "share-objection", id,
                            "evidence " + evidenceId + ": " + stored.kind() + ", " + stored.size() + " bytes, SHA-256 "
                                    + stored.sha256()));
                    return evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst().orElseThrow();
                }));
    }

    /** One evidence file, for the parties; the reading is audited. */
    Download download(Actor actor, long id, long evidenceId) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_EVIDENCE_READ, "share-objection", id, () -> {
            visible(actor, id);
            Evidence evidence = evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst()
                    .orElseThrow(() -> DomainException.notFound("evidence", evidenceId));
            String storage = jdbc.sql("select storage_name from share_objection_evidence where id = ?").param(evidenceId)
                    .query(String.class).single();
            audit.record(AuditEvent.success(ShareAuditAction.OBJECTION_EVIDENCE_READ, "share-objection", id,
                    "evidence " + evidenceId));
            return new Download(evidence, files.file(storage));
        });
    }

    // --- handling ---------------------------------------------------------------------------------------------------

    /** The authority forwards an objection at its stage to the providing department. */
    Objection forward(Actor actor, long id, String note) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_FORWARD, "share-objection", id,
                () -> transactions.execute(s -> {
                    Objection objection = visible(actor, id);
                    SharePermissions.requireObjectionOfficer(actor, objection.regionId());
                    requireOpen(objection, "forward");
                    if (objection.stage() != Stage.AUTHORITY) {
                        throw state(objection, "forward");
                    }
                    limit("note", note, 2000);
                    int moved = jdbc.sql("update share_objection set stage = 'PROVIDER' where id = ? and stage = 'AUTHORITY'"
                            + " and status = 'OPEN'").param(id).update();
                    if (moved == 0) {
                        throw new DomainException(ProblemCode.ALREADY_DECIDED, "FORWARDED");
                    }
                    event(id, EventType.FORWARDED, actor, detail("note", blankToNull(note), "to",
                            Long.toString(objection.providerDepartmentId())));
                    audit.record(AuditEvent.success(ShareAuditAction.OBJECTION_FORWARD, "share-objection", id,
                            "to department " + objection.providerDepartmentId()));
                    return shown(actor, load(id, true));
                }));
    }

    /** The handler asks for the one extension the profile allows, for a number of working days, with a reason. */
    Objection requestExtension(Actor actor, long id, Integer workingDays, String reason) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_EXTENSION_REQUEST, "share-objection", id,
                () -> transactions.execute(s -> {
                    Objection objection = handling(actor, id, "extend");
                    PolicyProfile.Objection rules = policy.profile().objection();
                    ObjectionRules.requireExtensible(rules, objection.dueOn());
                    if (objection.extension() != null) {
                        throw new DomainException(ProblemCode.ALREADY_EXTENDED, id);
                    }
                    require(workingDays != null, "workingDays");
                    require(blankToNull(reason) != null, "reason");
                    limit("reason", reason, 2000);
                    LocalDate until = ObjectionRules.extended(calendar, rules, objection.dueOn(), workingDays);
                    int asked = jdbc.sql("""
                            update share_objection set extension_requested_by = ?, extension_requested_at = ?,
                                extension_working_days = ?, extension_reason = ? where id = ?
                                and extension_requested_at is null and status = 'OPEN'""")
                            .params(actor.name(), ShareClock.now(), workingDays, reason.strip(), id).update();
                    if (asked == 0) {
                        throw new DomainException(ProblemCode.ALREADY_EXTENDED, id);
                    }
                    event(id, EventType.EXTENSION_REQUESTED, actor, detail("workingDays", workingDays, "reason",
                            reason.strip(), "until", until.toString()));
                    audit.record(AuditEvent.success(ShareAuditAction.OBJECTION_EXTENSION_REQUEST, "share-objection", id,
                            workingDays + " working days, until " + until));
                    return shown(actor, load(id, true));
                }));
    }

    /**
     * An approver consents to the extension asked for, or refuses it: the providing department's
     * {@code DEPARTMENT_ADMIN} or {@code SHARE_APPROVER}, or the authority's officer — never the person who asked.
     * With consent the due date moves by the working days asked for, counted from the due date.
     */
    Objection decideExtension(Actor actor, long id, Boolean consent, String note) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_EXTENSION_DECIDE, "share-objection", id,
                () -> transactions.execute(s -> {
                    Objection objection = visible(actor, id);
                    SharePermissions.requireDecidesExtension(actor, objection.parties());
                    requireOpen(objection, "extend");
                    Extension extension = objection.extension();
                    if (extension == null) {
                        throw new DomainException(ProblemCode.EXTENSION_NOT_REQUESTED, id);
                    }
                    if (extension.decision() != null) {
                        throw new DomainException(ProblemCode.ALREADY_DECIDED, extension.decision());
                    }
                    if (extension.requestedBy().equals(actor.name())) {
                        throw new DomainException(ProblemCode.SELF_APPROVAL);
                    }
                    require(consent != null, "consent");
                    limit("note", note, 2000);
                    LocalDate due = consent ? ObjectionRules.extended(calendar, policy.profile().objection(),
                            objection.dueOn(), extension.workingDays()) : objection.dueOn();
                    String decision = consent ? "GRANTED" : "REFUSED";
                    // The reminder and the overdue note belong to a due date: with a new one the handler is reminded
                    // again before it, and noted as overdue again only if it passes that one too.
                    String marks = consent ? ", reminded_at = null, overdue_noted_at = null" : "";
                    int decided = jdbc.sql("""
                            update share_objection set extension_decision = ?, extension_decided_by = ?,
                                extension_decided_at = ?, due_on = ?""" + marks
                            + " where id = ? and extension_decision is null")
                            .params(decision, actor.name(), ShareClock.now(), due, id).update();
                    if (decided == 0) {
                        throw new DomainException(ProblemCode.ALREADY_DECIDED, decision);
                    }
                    event(id, consent ? EventType.EXTENDED : EventType.EXTENSION_REFUSED, actor, detail("from",
                            objection.dueOn().toString(), "dueOn", due.toString(), "workingDays",
                            extension.workingDays(), "note", blankToNull(note)));
                    audit.record(AuditEvent.success(consent ? ShareAuditAction.OBJECTION_EXTENSION_GRANT
                            : ShareAuditAction.OBJECTION_EXTENSION_REFUSE, "share-objection", id,
                            extension.workingDays() + " working days, due " + due));
                    return shown(actor, load(id, true));
                }));
    }

    /**
     * The provider corrects the record: the item takes the value given (by default the one the raiser proposed) as
     * a new version in the lake, in the transaction that closes the objection.
     */
    Objection correct(Actor actor, long id, String value, String note) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_CORRECT, "share-objection", id,
                () -> transactions.execute(s -> {
                    Objection objection = handling(actor, id, "correct");
                    limit("note", note, 2000);
                    String corrected = value == null ? objection.proposedValue() : value.strip();
                    limit("value", corrected, 4000);
                    close(objection, actor, Status.CORRECTED, note, corrected);
                    RecordCorrections.Correction correction = corrections.correct(actor, objection.entryId(),
                            objection.keyValues(), Map.of(objection.item(), corrected),
                            "objection " + id + (blankToNull(note) == null ? "" : ": " + note.strip()));
                    jdbc.sql("update share_objection set correction_batch_id = ? where id = ?")
                            .params(correction.batchId(), id).update();
                    event(id, EventType.CORRECTED, actor, detail("item", objection.item(), "value", corrected, "batchId",
                            correction.batchId(), "note", blankToNull(note)));
                    audit.record(AuditEvent.success(ShareAuditAction.OBJECTION_CORRECT, "share-objection", id,
                            "item " + objection.item() + " corrected in lake batch " + correction.batchId()));
                    return shown(actor, load(id, true));
                }));
    }

    /** The provider confirms the stored value, with its reasons (the check found it right). */
    Objection confirm(Actor actor, long id, String reasons) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_CONFIRM, "share-objection", id,
                () -> transactions.execute(s -> {
                    Objection objection = handling(actor, id, "confirm");
                    require(blankToNull(reasons) != null, "reasons");
                    limit("reasons", reasons, 2000);
                    close(objection, actor, Status.CONFIRMED, reasons, null);
                    event(id, EventType.CONFIRMED, actor, detail("item", objection.item(), "reasons", reasons.strip()));
                    audit.record(AuditEvent.success(ShareAuditAction.OBJECTION_CONFIRM, "share-objection", id,
                            "item " + objection.item() + " confirmed: " + reasons.strip()));
                    return shown(actor, load(id, true));
                }));
    }

    private void close(Objection objection, Actor actor, Status status, String note, String corrected) {
        int closed = jdbc.sql("""
                update share_objection set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,
                    corrected_value = ? where id = ? and status = 'OPEN'""")
                .params(status.name(), actor.name(), ShareClock.now(), blankToNull(note) == null ? null : note.strip(),
                        corrected, objection.id())
                .update();
        if (closed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED, ShareLabels.of("objection." + status.name()));
        }
        openOn.forgetAfterCommit(objection.entryId());
    }

    // --- reading ------------------------------------------------------------------------------------------------------

    /** The objections of a side (RAISER default, PROVIDER, AUTHORITY for its officers), optionally of a status. */
    List<Objection> list(Actor actor, String side, String status) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_LIST, "share-objection", null, () -> {
            Side which = parse(Side.class, "side", side == null ? "RAISER" : side);
            Status only = status == null || status.isBlank() ? null : parse(Status.class, "status", status);
            String where = switch (which) {
                case RAISER -> " where raiser_department_id = ?";
                case PROVIDER -> " where provider_department_id = ?";
                case AUTHORITY -> {
                    SharePermissions.requireObjectionOfficer(actor, actor.regionId());
                    yield " where region_id = ?";
                }
            };
            List<Object> params = new ArrayList<>();
            params.add(which == Side.AUTHORITY ? actor.regionId() : actor.departmentId());
            if (only != null) {
                where += " and status = ?";
                params.add(only.name());
            }
            return jdbc.sql(SELECT + where + " order by id desc").params(params).query((rs, n) -> map(rs, false)).list()
                    .stream().map(objection -> shown(actor, objection)).toList();
        });
    }

    /** The authority's list of open objections past their due date, earliest due first. */
    List<Objection> overdue(Actor actor) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_OVERDUE, "share-objection", null, () -> {
            SharePermissions.requireObjectionOfficer(actor, actor.regionId());
            return jdbc.sql(SELECT + " where region_id = ? and status = 'OPEN' and due_on < ? order by due_on, id")
                    .params(actor.regionId(), calendar.today()).query((rs, n) -> map(rs, false)).list().stream()
                    .map(objection -> shown(actor, objection)).toList();
        });
    }

    /** One objection with its evidence and timeline, for its parties. */
    Objection get(Actor actor, long id) {
        return refusalsAudited(actor, ShareAuditAction.OBJECTION_READ, "share-objection", id,
                () -> shown(actor, visible(actor, id)));
    }

    private Objection visible(Actor actor, long id) {
        find(id).filter(objection -> SharePermissions.seesObjection(actor, objection.parties()))
                .orElseThrow(() -> DomainException.notFound("objection", id));
        return load(id, true);
    }

    /** What the caller may see of an objection: the stored values only as its grant lets them leave. */
    private Objection shown(Actor actor, Objection objection) {
        return values.shownTo(actor, objection);
    }

    /** An open objection at the provider's stage, and the caller one of the provider's handlers. */
    private Objection handling(Actor actor, long id, String action) {
        Objection objection = visible(actor, id);
        SharePermissions.requireChecksObjection(actor, objection.parties());
        requireOpen(objection, action);
        if (objection.stage() != Stage.PROVIDER) {
            throw state(objection, action);
        }
        return objection;
    }

    // --- rules and helpers ------------------------------------------------------------------------------------------

    private static void requireOpen(Objection objection, String action) {
        if (objection.status() != Status.OPEN) {
            throw state(objection, action);
        }
    }

    private static DomainException state(Objection objection, String action) {
        String now = objection.status() == Status.OPEN ? "stage." + objection.stage().name() : objection.status().name();
        return new DomainException(ProblemCode.OBJECTION_STATE, objection.id(), ShareLabels.of("objection." + now),
                ShareLabels.of("objection.act." + action));
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of(field));
        }
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, FieldName.of(field), max);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field),
                    String.join(" / ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }

    private void event(long id, EventType type, Actor actor, Map<String, ?> detail) {
        event(id, type, actor.name(), actor.departmentId(), detail);
    }

    /**
     * An event the platform writes itself — the reminder job's {@code REMINDER} and {@code OVERDUE} — as
     * {@code system}, in the caller's transaction.
     */
    void platformEvent(long id, EventType type, Map<String, ?> detail) {
        event(id, type, PLATFORM, null, detail);
    }

    private void event(long id, EventType type, String actor, Long actorDepartmentId, Map<String, ?> detail) {
        Map<String, Object> clean = new LinkedHashMap<>();
        detail.forEach((k, v) -> {
            if (v != null) {
                clean.put(k, v);
            }
        });
        jdbc.sql("""
                insert into share_objection_event (objection_id, type, occurred_at, actor, actor_department_id, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, type.name(), ShareClock.now(), actor, actorDepartmentId,
                        clean.isEmpty() ? null : json.writeValueAsString(clean))
                .update();
    }

    /** A refusal that answers as another (404 instead of the grant's reason), auditing the real one. */
    private static final class Hidden extends RuntimeException {
        final DomainException reason;
        final DomainException answer;

        Hidden(DomainException reason, DomainException answer) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
            this.answer = answer;
        }
    }

    /**
     * Runs an action; a refusal is audited (FAILURE, with its code) in a transaction of its own, so it stays in the
     * log after the action rolled back, and is then thrown to the caller.
     */
    private <T> T refusalsAudited(Actor actor, ShareAuditAction action, String objectType, Object objectId, Supplier<T> work) {
        try {
            return work.get();
        } catch (Hidden hidden) {
            auditRefusal(actor, action, objectType, objectId, hidden.reason);
            throw hidden.answer;
        } catch (DomainException refused) {
            auditRefusal(actor, action, objectType, objectId, refused);
            throw refused;
        }
    }

    private void auditRefusal(Actor actor, ShareAuditAction action, String objectType, Object objectId, DomainException refused) {
        AuditEvent event = AuditEvent.failure(action, objectType, objectId, refused.code().name());
        independent.executeWithoutResult(status -> audit.record(event,
                new AuditActor(actor.name(), actor.departmentId(), null)));
    }

    // --- rows -----------------------------------------------------------------------------------------------------

    private static final String SELECT = """
            select id, region_id, entry_id, resource_code, entry_name, provider_department_id, raiser_department_id,
                raised_by, raised_as, grant_id, record_key, key_values, item, recorded_value, proposed_value, description,
                route, stage, status, raised_at, due_on, reminded_at, extension_requested_by, extension_requested_at,
                extension_working_days, extension_reason, extension_decision, extension_decided_by, extension_decided_at,
                decided_by, decided_at, decision_note, corrected_value, correction_batch_id from share_objection""";

    private java.util.Optional<Objection> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> map(rs, false)).optional();
    }

    private Objection load(long id, boolean details) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> map(rs, details)).single();
    }

    private Objection map(ResultSet rs, boolean details) throws SQLException {
        long id = rs.getLong("id");
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate today = calendar.today();
        Extension extension = rs.getString("extension_requested_by") == null ? null
                : new Extension(rs.getString("extension_requested_by"),
                        rs.getObject("extension_requested_at", OffsetDateTime.class), rs.getInt("extension_working_days"),
                        rs.getString("extension_reason"), rs.getString("extension_decision"),
                        rs.getString("extension_decided_by"), rs.getObject("extension_decided_at", OffsetDateTime.class));
        return new Objection(id, rs.getLong("region_id"), rs.getLong("entry_id"), rs.getString("resource_code"), rs.getString("entry_name"),
                rs.getLong("provider_department_id"), rs.getLong("raiser_department_id"), rs.getString("raised_by"),
                RaisedAs.valueOf(rs.getString("raised_as")), rs.getObject("grant_id", Long.class),
                json.readValue(rs.getString("key_values"), new TypeReference<LinkedHashMap<String, String>>() {
                }), rs.getString("item"), rs.getString("recorded_value"), null, rs.getString("proposed_value"),
                rs.getString("description"), ObjectionRoute.valueOf(rs.getString("route")),
                Stage.valueOf(rs.getString("stage")), status, rs.getObject("raised_at", OffsetDateTime.class), due,
                status == Status.OPEN && Deadlines.overdue(due, today),
                status == Status.OPEN && Deadlines.dueSoon(calendar, due, today, settings.dueSoonWorkingDays()),
                rs.getObject("reminded_at", OffsetDateTime.class), extension,
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_note"), rs.getString("corrected_value"),
                rs.getObject("correction_batch_id", Long.class), details ? evidence(id) : null,
                details ? timeline(id) : null);
    }

    private List<Evidence> evidence(long id) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes as size, sha256, uploaded_by, uploaded_at
                from share_objection_evidence where objection_id = ? order by id""").param(id).query(Evidence.class)
                .list();
    }

    private List<Event> timeline(long id) {
        return jdbc.sql("""
                select id, type, occurred_at, actor, actor_department_id, detail from share_objection_event
                where objection_id = ? order by id""").param(id)
                .query((rs, n) -> new Event(rs.getLong("id"), EventType.valueOf(rs.getString("type")),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getObject("actor_department_id", Long.class),
                        rs.getString("detail") == null ? Map.of()
                                : json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {
                                })))
                .list();
    }
}

package cn.govdata.catalog.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.CatalogEntryChanged;
import cn.govdata.catalog.Classification;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.PublicationGuard;
import cn.govdata.catalog.entry.CatalogEntry.EntryVersion;
import cn.govdata.catalog.entry.CatalogEntry.State;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.org.Directory.RegionInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lifecycle of catalog entries (CAT-4, CAT-5): a department's editor drafts an entry and submits it; the
 * region's data authority returns it with comments or publishes it. A published entry changes only by a new
 * version that is reviewed again; every version is kept; entries are retired, never deleted.
 */
@Service
public class CatalogEntries {

    /** A new entry, drafted by an editor for their own department. */
    public record NewEntry(EntryContent content, String parentCode, String changeNote) {
    }

    /** A change to the working version, naming the revision the editor saw (optimistic locking). */
    record EntryChange(EntryContent content, String parentCode, String changeNote, Integer revision) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Directory directory;
    private final ActivePolicy policy;
    private final ResourceCodes codes;
    private final CatalogLeads leads;
    private final UpdateObligations obligations;
    private final DuplicateDetection duplicates;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final List<PublicationGuard> guards;
    private final ForeignCatalog foreign;

    CatalogEntries(JdbcClient jdbc, JsonMapper json, Directory directory, ActivePolicy policy, ResourceCodes codes,
            CatalogLeads leads, UpdateObligations obligations, DuplicateDetection duplicates, AuditLog audit,
            ApplicationEventPublisher events, List<PublicationGuard> guards, ForeignCatalog foreign) {
        this.jdbc = jdbc;
        this.json = json;
        this.directory = directory;
        this.policy = policy;
        this.codes = codes;
        this.leads = leads;
        this.obligations = obligations;
        this.duplicates = duplicates;
        this.audit = audit;
        this.events = events;
        this.guards = List.copyOf(guards);
        this.foreign = foreign;
    }

    // --- reading -------------------------------------------------------------------------------------------

    /** The entry as the actor may see it: working versions only for its department and the reviewers. */
    CatalogEntry get(Actor actor, long id) {
        Row row = visible(actor, id);
        return assemble(row, CatalogAccess.seesWorkingVersions(actor, row.departmentId(), row.regionId()));
    }

    List<EntryVersion> versions(Actor actor, long id) {
        CatalogEntry entry = get(actor, id);
        boolean inside = CatalogAccess.seesWorkingVersions(actor, entry.departmentId(), entry.regionId());
        return jdbc.sql(VERSION_SELECT + " where entry_id = ? order by version").param(id).query(this::mapVersion)
                .list().stream()
                .filter(v -> inside || v.state() == State.PUBLISHED || v.state() == State.SUPERSEDED).toList();
    }

    EntryVersion version(Actor actor, long id, int version) {
        return versions(actor, id).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> DomainException.notFound("version", id + "/" + version));
    }

    VersionDiff diff(Actor actor, long id, int from, int to) {
        return VersionDiff.between(json, version(actor, id, from), version(actor, id, to));
    }

    /** Entries of a department (the actor's own when none is given), newest change first. */
    List<CatalogEntry> ofDepartment(Actor actor, Long requestedDepartment) {
        long departmentId = requestedDepartment == null ? actor.departmentId() : requestedDepartment;
        // the actor's own department needs no look-up; another one must exist (404) before it is refused (403)
        long regionId = departmentId == actor.departmentId() ? actor.regionId() : regionOf(departmentId);
        CatalogAccess.requireDepartmentReader(actor, departmentId, regionId);
        return jdbc.sql(ENTRY_SELECT + " where e.department_id = ? order by e.updated_at desc, e.id desc")
                .param(departmentId).query(CatalogEntries::mapRow).list().stream().map(r -> assemble(r, true)).toList();
    }

    /** The review queue of the actor's region: submitted versions, oldest first. */
    List<CatalogEntry> reviewQueue(Actor actor) {
        CatalogAccess.requireReviewer(actor, actor.regionId());
        return jdbc.sql(ENTRY_SELECT + "\n" + """
                join catalog_version v on v.entry_id = e.id and v.version = e.latest_version
                 where e.region_id = ? and v.state = 'SUBMITTED' order by v.submitted_at, e.id""")
                .param(actor.regionId()).query(CatalogEntries::mapRow).list().stream().map(r -> assemble(r, true))
                .toList();
    }

    // --- changing ------------------------------------------------------------------------------------------

    @Transactional
    public CatalogEntry create(Actor actor, NewEntry request) {
        CatalogAccess.requireEditorOf(actor, actor.departmentId());
        EntryContent content = normalise(request.content());
        List<Violation> violations = CatalogRules.checkDraft(content);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        DepartmentInfo department = directory.department(actor.departmentId()).orElseThrow();
        leads.requireMaintainer(department, content.classification());
        String code = codes.next(content.classification());
        OffsetDateTime now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into catalog_entry (resource_code, region_id, department_id, category, classification_code,
                    latest_version, parent_code, created_at, updated_at)
                values (?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(code, department.regionId(), department.id(), content.classification().category().name(),
                        content.classification().code(), blankToNull(request.parentCode()), now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertVersion(id, 1, content, request.changeNote(), actor, now);
        obligations.updated(department.id(), id, now);
        audit.record(AuditEvent.success(CatalogAuditAction.CREATE, "catalog-entry", id, code + " " + content.name()));
        return get(actor, id);
    }

    /**
     * Saves the working version. A draft or returned version is changed in place; a published entry gets a
     * new draft version. Either way the caller must name the revision it saw: if another editor saved in
     * between, the second save is refused with a conflict instead of silently overwriting the first.
     */
    @Transactional
    CatalogEntry update(Actor actor, long id, EntryChange change) {
        Row row = editable(actor, id);
        EntryVersion latest = latestVersion(id);
        if (change.revision() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("revision"));
        }
        EntryContent content = normalise(change.content());
        List<Violation> violations = CatalogRules.checkDraft(content);
        if (content.classification() != null && !content.classification().code().equals(row.classificationCode())) {
            violations.add(Violation.of("classification", ProblemCode.INVALID_VALUE, FieldName.of("classification"),
                    row.classificationCode() + " (fixed by the resource code)"));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        OffsetDateTime now = now();
        switch (latest.state()) {
            case DRAFT, RETURNED -> {
                int updated = jdbc.sql("""
                        update catalog_version set content = ?, name = ?, share_type = ?, open_type = ?, format = ?,
                            update_cycle = ?, item_names = ?, grade = ?, change_note = ?, lock_version = lock_version + 1
                        where entry_id = ? and version = ? and lock_version = ?""")
                        .params(write(content), content.name(), enumName(content.shareType()),
                                enumName(content.openType()), enumName(content.format()),
                                enumName(content.updateCycle()), DuplicateDetection.itemNamesColumn(content),
                                content.grade().name(), change.changeNote(), id, latest.version(), change.revision())
                        .update();
                if (updated == 0) {
                    throw new DomainException(ProblemCode.VERSION_CONFLICT, latest.revision());
                }
            }
            case PUBLISHED -> {
                if (change.revision() != latest.revision()) {
                    throw new DomainException(ProblemCode.VERSION_CONFLICT, latest.revision());
                }
                int next = latest.version() + 1;
                // a concurrent editor starting the same new version breaks the unique (entry, version) key
                int claimed = jdbc.sql("update catalog_entry set latest_version = ? where id = ? and latest_version = ?")
                        .params(next, id, latest.version()).update();
                if (claimed == 0) {
                    throw new DomainException(ProblemCode.VERSION_CONFLICT, latest.revision());
                }
                insertVersion(id, next, content, change.changeNote(), actor, now);
            }
            default -> throw new DomainException(ProblemCode.INVALID_STATE, latest.state(), "changed");
        }
        jdbc.sql("update catalog_entry set parent_code = ?, updated_at = ? where id = ?")
                .params(blankToNull(change.parentCode()), now, id).update();
        obligations.updated(row.departmentId(), id, now);
        audit.record(AuditEvent.success(CatalogAuditAction.UPDATE, "catalog-entry", id, row.resourceCode()));
        return get(actor, id);
    }

    /** Submits the working version for review, after checking every rule of the region's profile. */
    @Transactional
    public CatalogEntry submit(Actor actor, long id, Integer revision) {
        Row row = editable(actor, id);
        EntryVersion latest = latestVersion(id);
        if (latest.state() != State.DRAFT && latest.state() != State.RETURNED) {
            throw new DomainException(ProblemCode.INVALID_STATE, latest.state(), "submitted");
        }
        if (revision != null && revision != latest.revision()) {
            throw new DomainException(ProblemCode.VERSION_CONFLICT, latest.revision());
        }
        List<Violation> violations = new ArrayList<>(CatalogRules.checkForSubmission(latest.content(), policy.profile()));
        checkReferences(row, latest.content(), violations);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                update catalog_version set state = 'SUBMITTED', submitted_by = ?, submitted_at = ?, review_comment = null,
                    lock_version = lock_version + 1
                where entry_id = ? and version = ? and lock_version = ?""")
                .params(actor.name(), now, id, latest.version(), latest.revision()).update();
        jdbc.sql("update catalog_entry set updated_at = ? where id = ?").params(now, id).update();
        obligations.submitted(row.departmentId(), id, now);
        duplicates.detect(id, row.departmentId(), row.regionId(), latest.content());
        audit.record(AuditEvent.success(CatalogAuditAction.SUBMIT, "catalog-entry", id,
                row.resourceCode() + " v" + latest.version()));
        return get(actor, id);
    }

    /** Takes a submitted version back into editing before the authority decides. */
    @Transactional
    CatalogEntry withdraw(Actor actor, long id) {
        Row row = editable(actor, id);
        EntryVersion latest = latestVersion(id);
        if (latest.state() != State.SUBMITTED) {
            throw new DomainException(ProblemCode.INVALID_STATE, latest.state(), "withdrawn");
        }
        setState(id, latest, State.DRAFT);
        audit.record(AuditEvent.success(CatalogAuditAction.WITHDRAW, "catalog-entry", id, row.resourceCode()));
        return get(actor, id);
    }

    /** The authority returns a submission with its comments. */
    @Transactional
    CatalogEntry returnForChanges(Actor actor, long id, String comment) {
        foreign.requireLocal(id);
        Row row = row(id).orElseThrow(() -> DomainException.notFound("catalog entry", id));
        CatalogAccess.requireReviewer(actor, row.regionId());
        if (comment == null || comment.isBlank()) {
            throw invalid(List.of(Violation.of("comment", ProblemCode.FIELD_REQUIRED, FieldName.of("comment"))));
        }
        EntryVersion latest = latestVersion(id);
        if (latest.state() != State.SUBMITTED) {
            throw new DomainException(ProblemCode.INVALID_STATE, latest.state(), "returned");
        }
        jdbc.sql("""
                update catalog_version set state = 'RETURNED', review_comment = ?, reviewed_by = ?, reviewed_at = ?,
                    lock_version = lock_version + 1
                where entry_id = ? and version = ?""")
                .params(comment.strip(), actor.name(), now(), id, latest.version()).update();
        audit.record(AuditEvent.success(CatalogAuditAction.RETURN, "catalog-entry", id,
                row.resourceCode() + " v" + latest.version()));
        return get(actor, id);
    }

    /**
     * The authority publishes a submission: it becomes the version in force and the previous one is
     * superseded. An entry of a lower-level region that implements no higher-level entry is published only
     * with the authority's consent to keep it local (CAT-6).
     */
    @Transactional
    CatalogEntry publish(Actor actor, long id, boolean consentToLocalEntry) {
        foreign.requireLocal(id);
        Row row = row(id).orElseThrow(() -> DomainException.notFound("catalog entry", id));
        CatalogAccess.requireReviewer(actor, row.regionId());
        EntryVersion latest = latestVersion(id);
        if (latest.state() != State.SUBMITTED || row.retired()) {
            throw new DomainException(ProblemCode.INVALID_STATE, row.retired() ? "RETIRED" : latest.state(), "published");
        }
        RegionInfo region = directory.region(row.regionId()).orElseThrow();
        boolean local = region.parentId() != null && row.parentCode() == null;
        if (local && !row.localConsent() && !consentToLocalEntry) {
            throw new DomainException(ProblemCode.LOCAL_ENTRY_NEEDS_CONSENT);
        }
        List<Violation> refused = new ArrayList<>();
        guards.forEach(guard -> refused.addAll(guard.check(id, latest.content())));
        if (!refused.isEmpty()) {
            throw new DomainException(ProblemCode.PUBLICATION_REFUSED, refused, refused.size());
        }
        OffsetDateTime now = now();
        jdbc.sql("update catalog_version set state = 'SUPERSEDED' where entry_id = ? and state = 'PUBLISHED'")
                .param(id).update();
        jdbc.sql("""
                update catalog_version set state = 'PUBLISHED', reviewed_by = ?, reviewed_at = ?,
                    lock_version = lock_version + 1
                where entry_id = ? and version = ?""")
                .params(actor.name(), now, id, latest.version()).update();
        jdbc.sql("update catalog_entry set published_version = ?, local_consent = ?, updated_at = ? where id = ?")
                .params(latest.version(), local && (row.localConsent() || consentToLocalEntry), now, id).update();
        obligations.published(row.departmentId(), id, latest.version(), latest.submittedAt(), now);
        audit.record(AuditEvent.success(CatalogAuditAction.PUBLISH, "catalog-entry", id,
                row.resourceCode() + " v" + latest.version() + (local ? " local" : "")));
        events.publishEvent(new CatalogEntryChanged(id));
        return get(actor, id);
    }

    /** Retires an entry: it leaves the published catalog, keeps its versions and its code is never reused. */
    @Transactional
    CatalogEntry retire(Actor actor, long id, String reason) {
        foreign.requireLocal(id);
        Row row = visible(actor, id);
        CatalogAccess.requireDepartmentKeeper(actor, row.departmentId(), row.regionId());
        if (reason == null || reason.isBlank()) {
            throw invalid(List.of(Violation.of("reason", ProblemCode.FIELD_REQUIRED, FieldName.of("reason"))));
        }
        if (row.retired()) {
            throw new DomainException(ProblemCode.INVALID_STATE, "RETIRED", "retired");
        }
        OffsetDateTime now = now();
        jdbc.sql("update catalog_entry set retired = true, retired_reason = ?, retired_at = ?, updated_at = ? where id = ?")
                .params(reason.strip(), now, now, id).update();
        audit.record(AuditEvent.success(CatalogAuditAction.RETIRE, "catalog-entry", id, row.resourceCode()));
        events.publishEvent(new CatalogEntryChanged(id));
        return get(actor, id);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** The entry's row if the actor may see the entry at all, else 404. */
    private Row visible(Actor actor, long id) {
        Row row = row(id).orElseThrow(() -> DomainException.notFound("catalog entry", id));
        CatalogAccess.requireVisible(actor, id, row.departmentId(), row.regionId(), row.publishedVersion() != null);
        return row;
    }

    private Row editable(Actor actor, long id) {
        foreign.requireLocal(id);
        Row row = visible(actor, id);
        CatalogAccess.requireEditorOf(actor, row.departmentId());
        if (row.retired()) {
            throw new DomainException(ProblemCode.INVALID_STATE, "RETIRED", "changed");
        }
        DepartmentInfo department = directory.department(row.departmentId()).orElseThrow();
        leads.requireMaintainer(department, Classification.parse(row.classificationCode()));
        return row;
    }

    /** Related codes and the parent code must name entries that exist (the parent: published, one level up). */
    private void checkReferences(Row row, EntryContent content, List<Violation> violations) {
        for (int i = 0; i < content.relatedCodes().size(); i++) {
            String code = content.relatedCodes().get(i);
            if (jdbc.sql("select count(*) from catalog_entry where resource_code = ?").param(code).query(Integer.class)
                    .single() == 0) {
                violations.add(Violation.of("relatedCodes[" + i + "]", ProblemCode.UNKNOWN_RESOURCE_CODE, code));
            }
        }
        if (row.parentCode() != null) {
            Long parentRegion = directory.region(row.regionId()).map(RegionInfo::parentId).orElse(null);
            boolean found = parentRegion != null && jdbc.sql("""
                    select count(*) from catalog_entry where resource_code = ? and region_id = ?
                        and published_version is not null and not retired""")
                    .params(row.parentCode(), parentRegion).query(Integer.class).single() > 0;
            if (!found) {
                violations.add(Violation.of("parentCode", ProblemCode.UNKNOWN_RESOURCE_CODE, row.parentCode()));
            }
        }
    }

    private void insertVersion(long entryId, int version, EntryContent content, String changeNote, Actor actor,
            OffsetDateTime now) {
        jdbc.sql("""
                insert into catalog_version (entry_id, version, state, lock_version, content, name, share_type,
                    open_type, format, update_cycle, item_names, grade, change_note, created_by, created_at)
                values (?, ?, 'DRAFT', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entryId, version, write(content), content.name(), enumName(content.shareType()),
                        enumName(content.openType()), enumName(content.format()), enumName(content.updateCycle()),
                        DuplicateDetection.itemNamesColumn(content), content.grade().name(), changeNote, actor.name(), now)
                .update();
    }

    private void setState(long id, EntryVersion version, State state) {
        jdbc.sql("update catalog_version set state = ?, lock_version = lock_version + 1 where entry_id = ? and version = ?")
                .params(state.name(), id, version.version()).update();
        jdbc.sql("update catalog_entry set updated_at = ? where id = ?").params(now(), id).update();
    }

    private long regionOf(long departmentId) {
        return directory.department(departmentId).map(DepartmentInfo::regionId)
                .orElseThrow(() -> DomainException.notFound("department", departmentId));
    }

    private EntryVersion latestVersion(long id) {
        return jdbc.sql(VERSION_SELECT + " where entry_id = ? and version = (select latest_version from catalog_entry where id = ?)")
                .params(id, id).query(this::mapVersion).single();
    }

    private Optional<EntryVersion> versionOf(long id, Integer version) {
        if (version == null) {
            return Optional.empty();
        }
        return jdbc.sql(VERSION_SELECT + " where entry_id = ? and version = ?").params(id, version)
                .query(this::mapVersion).optional();
    }

    CatalogEntry assemble(Row row, boolean inside) {
        Optional<EntryVersion> published = versionOf(row.id(), row.publishedVersion());
        EntryVersion latest = inside ? latestVersion(row.id()) : published.orElseThrow();
        DepartmentInfo department = directory.department(row.departmentId()).orElseThrow();
        return new CatalogEntry(row.id(), row.resourceCode(), row.regionId(), row.departmentId(), department.name(),
                department.creditCode(), row.retired(), row.retiredReason(), row.retiredAt(), row.parentCode(),
                row.localConsent(), row.collectingDepartmentId(), latest, published.orElse(null));
    }

    Optional<Row> row(long id) {
        return jdbc.sql(ENTRY_SELECT + " where e.id = ?").param(id).query(CatalogEntries::mapRow).optional();
    }

    private String write(EntryContent content) {
        return json.writeValueAsString(content);
    }

    private static EntryContent normalise(EntryContent content) {
        if (content == null) {
            throw invalid(List.of(Violation.of("content", ProblemCode.FIELD_REQUIRED, FieldName.of("content"))));
        }
        return content;
    }

    static DomainException invalid(List<Violation> violations) {
        return new DomainException(ProblemCode.CATALOG_ENTRY_INVALID, violations, violations.size());
    }

    private static String enumName(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The entry row without its versions. */
    record Row(long id, String resourceCode, long regionId, long departmentId, String classificationCode,
            boolean retired, String retiredReason, OffsetDateTime retiredAt, Integer publishedVersion,
            int latestVersion, String parentCode, boolean localConsent, Long collectingDepartmentId) {
    }

    static final String ENTRY_SELECT = """
            select e.id, e.resource_code, e.region_id, e.department_id, e.classification_code, e.retired,
                e.retired_reason, e.retired_at, e.published_version, e.latest_version, e.parent_code, e.local_consent,
                e.collecting_department_id
            from catalog_entry e""";

    static Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("resource_code"), rs.getLong("region_id"),
                rs.getLong("department_id"), rs.getString("classification_code"), rs.getBoolean("retired"),
                rs.getString("retired_reason"), rs.getObject("retired_at", OffsetDateTime.class),
                rs.getObject("published_version", Integer.class), rs.getInt("latest_version"),
                rs.getString("parent_code"), rs.getBoolean("local_consent"),
                rs.getObject("collecting_department_id", Long.class));
    }

    private static final String VERSION_SELECT = """
            select version, state, lock_version, content, change_note, review_comment, created_by, created_at,
                submitted_by, submitted_at, reviewed_by, reviewed_at
            from catalog_version""";

    EntryVersion mapVersion(ResultSet rs, int n) throws SQLException {
        return new EntryVersion(rs.getInt("version"), State.valueOf(rs.getString("state")), rs.getInt("lock_version"),
                json.readValue(rs.getString("content"), EntryContent.class), rs.getString("change_note"),
                rs.getString("review_comment"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class));
    }
}

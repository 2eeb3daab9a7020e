package cn.govdata.lake.governance;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.lake.dataset.DatasetCreated;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.quality.DataElements;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * One data item, one source (一数一源, AGG-3, AGG-8). The authority designates, per data element of the base
 * resources, the department that is its authoritative source: an element is named by its value standard
 * ({@code 公民身份号码 GB 11643} → 公安局) or, for a free element, by its Chinese name ({@code 姓名}). A dataset
 * of another department whose entry collects a designated element as a non-key item is flagged as a
 * repeated collection: visible to that department and the authority, never blocked, decided by the
 * authority.
 */
@Service
class SourceDesignations {

    /** A designation as the API shows it. */
    record Designation(long id, String elementName, String valueStandard, String subject, long departmentId,
            String departmentName, String elementKey, String designatedBy, OffsetDateTime designatedAt) {
    }

    /** A designation as the authority sends it. */
    record DesignationRequest(String elementName, String valueStandard, String subject, Long departmentId) {
    }

    enum FlagStatus { OPEN, ALLOWED, SHARE_INSTEAD, LAPSED }

    /** A dataset that collects again an element whose authoritative source is another department. */
    record RepeatedCollection(long id, long datasetId, String resourceCode, long departmentId, String itemName,
            String itemChineseName, String elementName, long sourceDepartmentId, FlagStatus status,
            String decisionNote, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime foundAt) {
    }

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final AuditLog audit;

    SourceDesignations(JdbcClient jdbc, PublishedCatalog catalog, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.audit = audit;
    }

    /** The region's designations: every actor of the region may read whom to ask for an element. */
    List<Designation> list(Actor actor) {
        return jdbc.sql("""
                select id, element_name, value_standard, subject, department_id, element_key, designated_by,
                    designated_at from lake_source where region_id = ? order by element_name, id""")
                .param(actor.regionId())
                .query((rs, n) -> new Designation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), directory.department(rs.getLong(5)).map(DepartmentInfo::name).orElse(null),
                        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /**
     * Replaces the region's designations with the given ones (the authority's officer), then flags the
     * datasets that now collect a designated element again. Flags of elements no longer designated to the
     * same department lapse.
     */
    @Transactional
    List<Designation> replace(Actor actor, List<DesignationRequest> requests) {
        LakeAccess.designateSources(actor);
        if (requests == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("sources"));
        }
        Set<String> keys = new HashSet<>();
        OffsetDateTime now = LakeDatasets.now();
        jdbc.sql("delete from lake_source where region_id = ?").param(actor.regionId()).update();
        for (DesignationRequest request : requests) {
            String name = text(request.elementName(), "elementName", 64, true);
            String standard = text(request.valueStandard(), "valueStandard", 64, false);
            String subject = text(request.subject(), "subject", 64, false);
            if (request.departmentId() == null) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("departmentId"));
            }
            DepartmentInfo department = directory.department(request.departmentId())
                    .filter(d -> d.regionId() == actor.regionId())
                    .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("departmentId"),
                            request.departmentId()));
            String key = DataElements.key(standard, name);
            if (!keys.add(key)) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("elementName"),
                        name + (standard == null ? "" : " " + standard));
            }
            jdbc.sql("""
                    insert into lake_source (region_id, element_key, element_name, value_standard, subject,
                        department_id, designated_by, designated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(actor.regionId(), key, name, standard, subject, department.id(), actor.name(), now).update();
        }
        jdbc.sql("""
                update lake_repeated_collection r set status = 'LAPSED' where r.region_id = ? and r.status = 'OPEN'
                and not exists (select 1 from lake_source s where s.region_id = r.region_id
                    and s.element_key = r.element_key and s.department_id = r.source_department_id)""")
                .param(actor.regionId()).update();
        int flagged = 0;
        for (long datasetId : jdbc.sql("select id from lake_dataset where region_id = ? order by id")
                .param(actor.regionId()).query(Long.class).list()) {
            flagged += flag(datasetId);
        }
        audit.record(AuditEvent.success(LakeAuditAction.SOURCES_DESIGNATE, "region", actor.regionId(), requests.size()
                + " designations; " + flagged + " repeated collections flagged"));
        return list(actor);
    }

    /** Collecting again what another department is the source of is flagged for the authority, not refused. */
    @EventListener
    void onDatasetCreated(DatasetCreated created) {
        flag(created.datasetId());
    }

    /**
     * Flags the items of a dataset that collect an element designated to another department (called when a
     * dataset is created and when designations change). Returns how many new flags were raised.
     */
    int flag(long datasetId) {
        record Owner(long regionId, long departmentId, long entryId) {
        }
        Owner owner = jdbc.sql("select region_id, department_id, entry_id from lake_dataset where id = ?")
                .param(datasetId).query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        List<DataItem> items = catalog.byId(owner.entryId()).map(e -> e.content().dataItems()).orElse(List.of());
        record Source(String key, String name, long departmentId) {
        }
        List<Source> sources = jdbc.sql("select element_key, element_name, department_id from lake_source where region_id = ?")
                .param(owner.regionId()).query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        int raised = 0;
        OffsetDateTime now = LakeDatasets.now();
        for (DataItem item : items) {
            if (item.recordKey()) {
                continue;
            }
            for (Source source : sources) {
                if (source.departmentId() == owner.departmentId() || !DataElements.matches(item, source.key())) {
                    continue;
                }
                int reopened = jdbc.sql("""
                        update lake_repeated_collection set status = 'OPEN', source_department_id = ?, found_at = ?,
                            decision_note = null, decided_by = null, decided_at = null
                        where dataset_id = ? and item_name = ? and element_key = ? and status = 'LAPSED'""")
                        .params(source.departmentId(), now, datasetId, item.name(), source.key()).update();
                int inserted = jdbc.sql("""
                        insert into lake_repeated_collection (region_id, dataset_id, department_id, item_name,
                            item_chinese_name, element_key, element_name, source_department_id, status, found_at)
                        select ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ? where not exists (select 1 from lake_repeated_collection
                            where dataset_id = ? and item_name = ? and element_key = ?)""")
                        .params(owner.regionId(), datasetId, owner.departmentId(), item.name(), item.chineseName(),
                                source.key(), source.name(), source.departmentId(), now, datasetId, item.name(),
                                source.key())
                        .update();
                if (reopened + inserted > 0) {
                    raised++;
                    audit.record(AuditEvent.success(LakeAuditAction.REPEATED_COLLECTION_FLAG, "dataset", datasetId,
                            item.name() + " collects " + source.name() + " of department " + source.departmentId()));
                }
            }
        }
        return raised;
    }

    /** The flags of the caller's department, or of the region for the authority's users. */
    List<RepeatedCollection> repeatedCollections(Actor actor, String status) {
        FlagStatus wanted = status == null || status.isBlank() ? null : parse(FlagStatus.class, status, "status");
        boolean region = LakeAccess.seesRegion(actor);
        String where = region ? "r.region_id = ?" : "r.department_id = ?";
        return jdbc.sql(SELECT_FLAG + " where " + where + (wanted == null ? "" : " and r.status = '" + wanted.name() + "'")
                + " order by r.id").param(region ? actor.regionId() : actor.departmentId())
                .query(this::flagRow).list();
    }

    /** The authority decides a flag: the collection is allowed, or the department is to share instead. */
    @Transactional
    RepeatedCollection decide(Actor actor, long id, String decision, String note) {
        RepeatedCollection flag = jdbc.sql(SELECT_FLAG + " where r.id = ? and r.region_id = ?")
                .params(id, actor.regionId()).query(this::flagRow).optional()
                .filter(f -> LakeAccess.sees(actor, f.departmentId()))
                .orElseThrow(() -> DomainException.notFound("repeated collection", id));
        LakeAccess.decideRepeatedCollection(actor);
        if (decision == null || decision.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("decision"));
        }
        FlagStatus outcome = parse(FlagStatus.class, decision, "decision");
        if (outcome != FlagStatus.ALLOWED && outcome != FlagStatus.SHARE_INSTEAD) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("decision"), "ALLOWED / SHARE_INSTEAD");
        }
        String text = text(note, "note", 2000, false);
        int changed = jdbc.sql("""
                update lake_repeated_collection set status = ?, decision_note = ?, decided_by = ?, decided_at = ?
                where id = ? and status = 'OPEN'""").params(outcome.name(), text, actor.name(), LakeDatasets.now(), id)
                .update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED, flag.status());
        }
        audit.record(AuditEvent.success(LakeAuditAction.REPEATED_COLLECTION_DECIDE, "dataset", flag.datasetId(),
                flag.itemName() + " " + outcome));
        return jdbc.sql(SELECT_FLAG + " where r.id = ?").param(id).query(this::flagRow).single();
    }

    private static final String SELECT_FLAG = """
            select r.id, r.dataset_id, r.department_id, r.item_name, r.item_chinese_name, r.element_name,
                r.source_department_id, r.status, r.decision_note, r.decided_by, r.decided_at, r.found_at, d.entry_id
            from lake_repeated_collection r join lake_dataset d on d.id = r.dataset_id""";

    private RepeatedCollection flagRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RepeatedCollection(rs.getLong("id"), rs.getLong("dataset_id"),
                catalog.byId(rs.getLong("entry_id")).map(e -> e.resourceCode()).orElse(null), rs.getLong("department_id"),
                rs.getString("item_name"), rs.getString("item_chinese_name"), rs.getString("element_name"),
                rs.getLong("source_department_id"), FlagStatus.valueOf(rs.getString("status")),
                rs.getString("decision_note"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getObject("found_at", OffsetDateTime.class));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), value);
        }
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of(field));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, FieldName.of(field), max);
        }
        return stripped;
    }
}

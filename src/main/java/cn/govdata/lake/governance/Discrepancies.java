package cn.govdata.lake.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.lake.dataset.Dataset;
import cn.govdata.lake.dataset.Dataset.Column;
import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.dataset.DatasetTables.Side;
import cn.govdata.lake.sealing.SealedValues;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.quality.DataElements;
import cn.govdata.lake.quality.DataElements.ItemPair;
import cn.govdata.lake.quality.Masking;
import cn.govdata.lake.quality.ValueStandards;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Cross-department discrepancies (数据不一致, AGG-6). Datasets of different departments keyed by the same
 * entity standard (both by GB 11643 ID number, both by GB 32100 credit code) are compared on the items that
 * hold the same element ({@link DataElements#correspond}); every entity whose two values differ is recorded
 * once, with a deadline counted in working days, until the departments settle it or the authority decides
 * it. The comparison is set-based SQL over the current tables, one statement per item pair.
 */
@Service
public class Discrepancies {

    /** Working days to resolve a discrepancy when the policy profile fixes no objection period. */
    static final int DEFAULT_WORKING_DAYS = 10;

    enum Status { OPEN, SETTLED, DECIDED, CLOSED }

    enum Decision { ONE_VALUE_CORRECT, BOTH_VALID }

    /** One department's value, masked when the item is personal. */
    record Holding(long datasetId, long departmentId, String item, String value) {
    }

    record Discrepancy(long id, String keyStandard, String entityKey, String item, Holding a, Holding b,
            boolean personal, Status status, OffsetDateTime foundAt, LocalDate dueOn, boolean overdue,
            Decision decision, Long correctDepartmentId, String note, String resolvedBy, Long resolvedByDepartmentId,
            OffsetDateTime resolvedAt, OffsetDateTime closedAt) {
    }

    record ScanReport(int datasets, int comparisons, int found, int closed, LocalDate dueOn) {
    }

    record Resolution(String decision, Long correctDepartmentId, String note) {
    }

    private final JdbcClient jdbc;
    private final LakeDatasets datasets;
    private final DatasetTables tables;
    private final SealedValues sealing;
    private final PublishedCatalog catalog;
    private final WorkingDayCalendar calendar;
    private final ActivePolicy policy;
    private final AuditLog audit;

    Discrepancies(JdbcClient jdbc, LakeDatasets datasets, DatasetTables tables, PublishedCatalog catalog,
            WorkingDayCalendar calendar, ActivePolicy policy, AuditLog audit, SealedValues sealing) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.datasets = datasets;
        this.tables = tables;
        this.catalog = catalog;
        this.calendar = calendar;
        this.policy = policy;
        this.audit = audit;
    }

    /** The authority's officer compares every pair of the region's datasets. */
    @Transactional
    ScanReport scan(Actor actor) {
        LakeAccess.scanDiscrepancies(actor);
        ScanReport report = scan(actor.regionId(), null);
        audit.record(AuditEvent.success(LakeAuditAction.DISCREPANCIES_SCAN, "region", actor.regionId(), report.comparisons()
                + " item comparisons; " + report.found() + " new, " + report.closed() + " closed"));
        return report;
    }

    /** After a batch was applied: compares the dataset with the others (only its pairs, so it stays cheap). */
    @Transactional
    public ScanReport afterBatch(long datasetId, AuditActor who) {
        Dataset dataset = datasets.find(datasetId);
        ScanReport report = scan(dataset.regionId(), datasetId);
        if (report.found() + report.closed() > 0) {
            audit.record(AuditEvent.success(LakeAuditAction.DISCREPANCIES_SCAN, "dataset", datasetId, report.found() + " new, "
                    + report.closed() + " closed after a batch"), who);
        }
        return report;
    }

    /** Working days allowed: the profile's objection period if it fixes one, else ten. */
    int workingDays() {
        Integer days = policy.profile().objection().workingDays();
        return days == null ? DEFAULT_WORKING_DAYS : days;
    }

    private record Compared(Dataset dataset, List<DataItem> items, String keyStandard) {
    }

    private ScanReport scan(long regionId, Long only) {
        OffsetDateTime now = LakeDatasets.now();
        LocalDate due = calendar.dueAfter(calendar.today(), workingDays()).due();
        List<Compared> compared = new ArrayList<>();
        // one check of a region at a time (the authority's scan and the checks after concurrent batches): the
        // region's dataset rows are locked until the transaction ends, so a second check sees what the first
        // recorded and does not record the same difference again
        List<Long> ids = jdbc.sql("select id from lake_dataset where region_id = ? order by id for update")
                .param(regionId).query(Long.class).list();
        for (long id : ids) {
            Dataset dataset = datasets.find(id);
            List<String> live = dataset.liveColumns().stream().map(Column::itemName).toList();
            List<DataItem> items = catalog.byId(dataset.entryId()).map(e -> e.content().dataItems()).orElse(List.of())
                    .stream().filter(i -> live.contains(i.name())).toList();
            String standard = DataElements.entityKeyStandard(items);
            if (standard != null) {
                compared.add(new Compared(dataset, items, standard));
            }
        }
        ValueStandards standards = new ValueStandards(null, calendar.today());
        int comparisons = 0;
        int found = 0;
        int closed = 0;
        for (int i = 0; i < compared.size(); i++) {
            for (int j = i + 1; j < compared.size(); j++) {
                Compared a = compared.get(i);
                Compared b = compared.get(j);
                if (a.dataset().departmentId() == b.dataset().departmentId()
                        || (only != null && a.dataset().id() != only && b.dataset().id() != only)) {
                    continue;
                }
                Map<String, Column> columnsA = columns(a.dataset());
                Map<String, Column> columnsB = columns(b.dataset());
                for (ItemPair pair : DataElements.pairs(a.items(), b.items())) {
                    Column columnA = columnsA.get(pair.a().name());
                    Column columnB = columnsB.get(pair.b().name());
                    Side sideA = new Side(a.dataset().id(), a.dataset().departmentId(), a.dataset().tableName(),
                            columnA.columnName(), pair.a().name(), columnA.sealed());
                    Side sideB = new Side(b.dataset().id(), b.dataset().departmentId(), b.dataset().tableName(),
                            columnB.columnName(), pair.b().name(), columnB.sealed());
                    String label = pair.a().chineseName() == null ? pair.a().name() : pair.a().chineseName();
                    boolean personal = DataElements.personal(pair.a(), standards)
                            || DataElements.personal(pair.b(), standards);
                    comparisons++;
                    closed += tables.closeSettledDiscrepancies(sideA, sideB, now);
                    found += tables.insertDiscrepancies(sideA, sideB, regionId, a.keyStandard(), label, personal, now,
                            due);
                }
            }
        }
        return new ScanReport(compared.size(), comparisons, found, closed, due);
    }

    private static Map<String, Column> columns(Dataset dataset) {
        return dataset.liveColumns().stream().collect(Collectors.toMap(Column::itemName, c -> c));
    }

    /** The discrepancies the caller's department holds a side of, or the region's for the authority. */
    List<Discrepancy> list(Actor actor, String status) {
        Status wanted = status == null || status.isBlank() ? null : SourceDesignations.parse(Status.class, status, "status");
        List<Object> params = new ArrayList<>();
        String where;
        if (LakeAccess.seesRegion(actor)) {
            where = "region_id = ?";
            params.add(actor.regionId());
        } else {
            where = "(department_a = ? or department_b = ?)";
            params.add(actor.departmentId());
            params.add(actor.departmentId());
        }
        if (wanted != null) {
            where += " and status = ?";
            params.add(wanted.name());
        }
        LocalDate today = calendar.today();
        return jdbc.sql("select * from lake_discrepancy where " + where + " order by id").params(params)
                .query((rs, n) -> map(rs, today)).list().stream().map(this::shown).toList();
    }

    /**
     * Resolves an open discrepancy: a department holding one side settles it (stating which value is right;
     * the department with the wrong value corrects its data by its next batch), or the authority's officer
     * decides it.
     */
    @Transactional
    Discrepancy resolve(Actor actor, long id, Resolution resolution) {
        LocalDate today = calendar.today();
        Discrepancy found = jdbc.sql("select * from lake_discrepancy where id = ? and region_id = ?")
                .params(id, actor.regionId()).query((rs, n) -> map(rs, today)).optional().map(this::shown)
                .filter(d -> LakeAccess.sees(actor, d.a().departmentId()) || LakeAccess.sees(actor, d.b().departmentId()))
                .orElseThrow(() -> DomainException.notFound("discrepancy", id));
        Status outcome = switch (LakeAccess.resolveDiscrepancy(actor, found.a().departmentId(), found.b().departmentId())) {
            case AUTHORITY -> Status.DECIDED;
            case SIDE -> Status.SETTLED;
        };
        if (resolution.decision() == null || resolution.decision().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("decision"));
        }
        Decision decision = SourceDesignations.parse(Decision.class, resolution.decision(), "decision");
        Long correct = resolution.correctDepartmentId();
        if (decision == Decision.ONE_VALUE_CORRECT) {
            if (correct == null) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("correctDepartmentId"));
            }
            if (correct != found.a().departmentId() && correct != found.b().departmentId()) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("correctDepartmentId"), correct);
            }
        } else if (correct != null) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("correctDepartmentId"), correct);
        }
        String note = SourceDesignations.text(resolution.note(), "note", 2000, false);
        int changed = jdbc.sql("""
                update lake_discrepancy set status = ?, decision = ?, correct_department_id = ?, note = ?,
                    resolved_by = ?, resolved_by_department = ?, resolved_at = ? where id = ? and status = 'OPEN'""")
                .params(outcome.name(), decision.name(), correct, note, actor.name(), actor.departmentId(),
                        LakeDatasets.now(), id)
                .update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED, found.status());
        }
        audit.record(AuditEvent.success(LakeAuditAction.DISCREPANCY_RESOLVE, "discrepancy", id, outcome + " " + decision
                + (correct == null ? "" : " correct: department " + correct)));
        return shown(jdbc.sql("select * from lake_discrepancy where id = ?").param(id).query((rs, n) -> map(rs, today))
                .single());
    }

    /**
     * The discrepancy as listings show it: its entity's key masked like any personal value, rebuilt from the sealed key
     * items first when the lake stores the key as a digest (read after the row, never inside a row mapper).
     */
    private Discrepancy shown(Discrepancy d) {
        List<Column> columns = tables.columns(d.a().datasetId());
        String key = d.entityKey();
        if (columns.stream().anyMatch(c -> c.recordKey() && c.sealed())) {
            key = tables.keyText(DatasetTables.tableName(d.a().datasetId()), columns, key).orElse("—");
        }
        return new Discrepancy(d.id(), d.keyStandard(), Masking.mask(key), d.item(), d.a(), d.b(), d.personal(),
                d.status(), d.foundAt(), d.dueOn(), d.overdue(), d.decision(), d.correctDepartmentId(), d.note(),
                d.resolvedBy(), d.resolvedByDepartmentId(), d.resolvedAt(), d.closedAt());
    }

    private Discrepancy map(ResultSet rs, LocalDate today) throws SQLException {
        boolean personal = rs.getBoolean("personal");
        boolean sealed = rs.getBoolean("sealed");
        Function<String, String> shown = value -> value == null ? null
                : Masking.shown(sealed ? sealing.open(value) : value, personal);
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        String decision = rs.getString("decision");
        return new Discrepancy(rs.getLong("id"), rs.getString("key_standard"), rs.getString("entity_key"),
                rs.getString("item_label"),
                new Holding(rs.getLong("dataset_a"), rs.getLong("department_a"), rs.getString("item_a"),
                        shown.apply(rs.getString("value_a"))),
                new Holding(rs.getLong("dataset_b"), rs.getLong("department_b"), rs.getString("item_b"),
                        shown.apply(rs.getString("value_b"))),
                personal, status, rs.getObject("found_at", OffsetDateTime.class), due,
                status == Status.OPEN && today.isAfter(due), decision == null ? null : Decision.valueOf(decision),
                rs.getObject("correct_department_id", Long.class), rs.getString("note"), rs.getString("resolved_by"),
                rs.getObject("resolved_by_department", Long.class), rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}

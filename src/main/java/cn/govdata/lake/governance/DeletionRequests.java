package cn.govdata.lake.governance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.lake.dataset.Dataset;
import cn.govdata.lake.dataset.DatasetTables;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.lake.quality.Masking;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deletion requests (AGG-7): nobody deletes records of the lake directly. The providing department's data
 * provider asks for named records to be deleted, with a reason; the department head (the department's
 * DEPARTMENT_ADMIN) or the authority's officer approves or rejects it, never the requester. On approval the
 * records become tombstones in the history, as a full replace leaves them, in one transaction.
 */
@Service
class DeletionRequests {

    static final int MAX_KEYS = 10_000;

    enum Status { PENDING, APPROVED, REJECTED }

    record DeletionRequest(long id, long datasetId, long departmentId, int keyCount, List<String> recordKeys,
            String reason, Status status, String requestedBy, OffsetDateTime requestedAt, String decidedBy,
            OffsetDateTime decidedAt, String decisionReason, Long batchId, Long recordsTombstoned) {

        /** As listings show it: record keys may be ID numbers, so they are masked like any personal value. */
        DeletionRequest masked() {
            return new DeletionRequest(id, datasetId, departmentId, keyCount,
                    recordKeys.stream().map(Masking::mask).toList(), reason, status, requestedBy, requestedAt,
                    decidedBy, decidedAt, decisionReason, batchId, recordsTombstoned);
        }
    }

    record NewRequest(List<String> recordKeys, String reason) {
    }

    private final JdbcClient jdbc;
    private final LakeDatasets datasets;
    private final DatasetTables tables;
    private final AuditLog audit;
    private final JsonMapper json;

    DeletionRequests(JdbcClient jdbc, LakeDatasets datasets, DatasetTables tables, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.tables = tables;
        this.audit = audit;
        this.json = json;
    }

    /** The data provider of the dataset's department asks for records to be deleted; every key must be current. */
    @Transactional
    DeletionRequest request(Actor actor, long datasetId, NewRequest request) {
        Dataset dataset = datasets.get(actor, datasetId);
        LakeAccess.requestDeletion(actor, dataset);
        if (request.recordKeys() == null || request.recordKeys().isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("recordKeys"));
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String key : request.recordKeys()) {
            if (key != null && !key.isBlank()) {
                distinct.add(key.strip());
            }
        }
        if (distinct.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("recordKeys"));
        }
        if (distinct.size() > MAX_KEYS) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("recordKeys"), "1–" + MAX_KEYS);
        }
        String reason = SourceDesignations.text(request.reason(), "reason", 2000, true);
        List<String> keys = new ArrayList<>(distinct);
        long current = tables.countCurrent(dataset.tableName(), tables.storedKeys(dataset.lookupKeys(), keys));
        if (current < keys.size()) {
            throw new DomainException(ProblemCode.UNKNOWN_RECORD_KEYS, keys.size() - current, keys.size());
        }
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_deletion_request (dataset_id, region_id, department_id, record_keys, key_count, reason,
                    status, requested_by, requester_kind, requester_id, requested_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""")
                .params(datasetId, dataset.regionId(), dataset.departmentId(), json.writeValueAsString(keys), keys.size(),
                        reason, actor.name(), actor.kind().name(), actor.id(), LakeDatasets.now())
                .update(generated, "id");
        long id = generated.getKeyAs(Long.class);
        audit.record(AuditEvent.success(LakeAuditAction.DELETION_REQUEST, "dataset", datasetId, "request " + id + ": "
                + keys.size() + " records"));
        return find(id).masked();
    }

    /** The requests of a dataset, newest first (its department and the authority). */
    List<DeletionRequest> list(Actor actor, long datasetId) {
        datasets.get(actor, datasetId);
        return jdbc.sql(SELECT + " where dataset_id = ? order by id desc").param(datasetId).query(this::map).list()
                .stream().map(DeletionRequest::masked).toList();
    }

    /** The requests the caller may see across datasets: the department's, or the region's for the authority. */
    List<DeletionRequest> queue(Actor actor, String status) {
        Status wanted = status == null || status.isBlank() ? null : SourceDesignations.parse(Status.class, status, "status");
        boolean region = LakeAccess.seesRegion(actor);
        String where = region ? "region_id = ?" : "department_id = ?";
        List<Object> params = new ArrayList<>(List.of(region ? actor.regionId() : actor.departmentId()));
        if (wanted != null) {
            where += " and status = ?";
            params.add(wanted.name());
        }
        return jdbc.sql(SELECT + " where " + where + " order by id desc").params(params).query(this::map).list()
                .stream().map(DeletionRequest::masked).toList();
    }

    /**
     * Approves (the records become tombstones, in one transaction with the decision) or rejects (a reason is
     * required) a pending request.
     */
    @Transactional
    DeletionRequest decide(Actor actor, long requestId, boolean approve, String reason) {
        DeletionRequest request = jdbc.sql(SELECT + " where id = ?").param(requestId).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("deletion request", requestId));
        Dataset dataset;
        try {
            dataset = datasets.get(actor, request.datasetId());
        } catch (DomainException e) {
            throw DomainException.notFound("deletion request", requestId);
        }
        Requester requester = jdbc.sql("select requester_kind, requester_id from lake_deletion_request where id = ?")
                .param(requestId).query((rs, n) -> new Requester(rs.getString(1), rs.getLong(2))).single();
        LakeAccess.decideDeletion(actor, dataset, requester.kind(), requester.id());
        String text = SourceDesignations.text(reason, "reason", 2000, !approve);
        OffsetDateTime now = LakeDatasets.now();
        int changed = jdbc.sql("""
                update lake_deletion_request set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                where id = ? and status = 'PENDING'""")
                .params(approve ? "APPROVED" : "REJECTED", actor.name(), now, text, requestId).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED, request.status());
        }
        if (!approve) {
            audit.record(AuditEvent.success(LakeAuditAction.DELETION_REJECT, "dataset", dataset.id(), "request " + requestId));
            return find(requestId).masked();
        }
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_batch (dataset_id, kind, mode, accept_valid, status, message, department_id, created_by,
                    created_at, finished_at) values (?, 'DELETION', 'DELETE', false, 'APPLIED', ?, ?, ?, ?, ?)""")
                .params(dataset.id(), "deletion request " + requestId, dataset.departmentId(), actor.name(), now, now)
                .update(generated, "id");
        long batchId = generated.getKeyAs(Long.class);
        tables.lockDataset(dataset.id());
        long tombstoned = tables.tombstone(dataset.tableName(), tables.storedKeys(dataset.lookupKeys(),
                request.recordKeys()), batchId, dataset.departmentId(), now);
        jdbc.sql("update lake_batch set records_tombstoned = ? where id = ?").params(tombstoned, batchId).update();
        jdbc.sql("update lake_dataset set record_count = record_count - ? where id = ?")
                .params(tombstoned, dataset.id()).update();
        tables.sequence(dataset.id(), batchId);
        jdbc.sql("update lake_deletion_request set batch_id = ?, records_tombstoned = ? where id = ?")
                .params(batchId, tombstoned, requestId).update();
        audit.record(AuditEvent.success(LakeAuditAction.DELETION_APPROVE, "dataset", dataset.id(), "request " + requestId + ": "
                + tombstoned + " of " + request.keyCount() + " records tombstoned in batch " + batchId));
        return find(requestId).masked();
    }

    private record Requester(String kind, long id) {
    }

    private DeletionRequest find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).single();
    }

    private static final String SELECT = """
            select id, dataset_id, department_id, key_count, record_keys, reason, status, requested_by, requested_at,
                decided_by, decided_at, decision_reason, batch_id, records_tombstoned from lake_deletion_request""";

    private DeletionRequest map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<String> keys = json.readValue(rs.getString("record_keys"), new TypeReference<List<String>>() {
        });
        return new DeletionRequest(rs.getLong("id"), rs.getLong("dataset_id"), rs.getLong("department_id"),
                rs.getInt("key_count"), keys, rs.getString("reason"), Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_reason"), rs.getObject("batch_id", Long.class),
                rs.getObject("records_tombstoned", Long.class));
    }
}

package cn.govdata.lake.governance;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.ItemMatch;
import cn.govdata.lake.dataset.LakeAccess;
import cn.govdata.lake.dataset.LakeAuditAction;
import cn.govdata.lake.dataset.LakeDatasets;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import jakarta.validation.constraints.Size;

/**
 * Purchased social data (AGG-5, YT12): before buying data, a department files the purchase with the data
 * authority; the filing is checked against what the platform already holds (published entries with the same
 * data items), so that nothing on the platform is bought again; the authority approves or rejects it.
 * Purchased data, once bought, is catalogued and aggregated like any other.
 */
@Service
class PurchaseFilings {

    enum Status { FILED, APPROVED, REJECTED }

    record NewFiling(@Size(max = 200) String supplier,
            @Size(max = 2000) String description,
            @Size(max = 50) List<@Size(max = 64) String> items) {
    }

    /** A filing with the entries that already hold some of its items. */
    record Filing(long id, long departmentId, String departmentName, String supplier, String description,
            List<String> items, List<ItemMatch> alreadyHeld, Status status, String filedBy, OffsetDateTime filedAt,
            String decidedBy, OffsetDateTime decidedAt, String decisionNote) {
    }

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final AuditLog audit;
    private final JsonMapper json;

    PurchaseFilings(JdbcClient jdbc, PublishedCatalog catalog, Directory directory, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    Filing file(Actor actor, NewFiling request) {
        LakeAccess.filePurchase(actor);
        if (request.supplier() == null || request.supplier().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("supplier"));
        }
        if (request.description() == null || request.description().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("description"));
        }
        List<String> items = request.items() == null ? List.of()
                : request.items().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).distinct().toList();
        if (items.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("items"));
        }
        List<ItemMatch> held = catalog.holding(actor.regionId(), items);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into lake_purchase_filing (region_id, department_id, supplier, description, items, overlap, status,
                    filed_by, filed_at) values (?, ?, ?, ?, ?, ?, 'FILED', ?, ?)""")
                .params(actor.regionId(), actor.departmentId(), request.supplier().strip(), request.description().strip(),
                        json.writeValueAsString(items), json.writeValueAsString(held), actor.name(), LakeDatasets.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(LakeAuditAction.PURCHASE_FILE, "purchase-filing", id, request.supplier().strip() + ", "
                + items.size() + " items, " + held.size() + " entries already hold some"));
        return get(id);
    }

    /** The department's filings, or the region's for the data authority. */
    List<Filing> list(Actor actor) {
        boolean authority = LakeAccess.seesRegion(actor);
        return jdbc.sql("select id from lake_purchase_filing where " + (authority ? "region_id" : "department_id")
                + " = ? order by id desc").param(authority ? actor.regionId() : actor.departmentId())
                .query(Long.class).list().stream().map(this::get).toList();
    }

    @Transactional
    Filing decide(Actor actor, long id, boolean approve, String note) {
        Filing filing = get(id);
        long region = directory.department(filing.departmentId()).map(DepartmentInfo::regionId).orElse(-1L);
        LakeAccess.decidePurchase(actor, region);
        if (filing.status() != Status.FILED) {
            throw new DomainException(ProblemCode.INVALID_STATE, filing.status(), "decided again");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("note"));
        }
        jdbc.sql("""
                update lake_purchase_filing set status = ?, decided_by = ?, decided_at = ?, decision_note = ? where id = ?""")
                .params(approve ? "APPROVED" : "REJECTED", actor.name(), LakeDatasets.now(), note, id).update();
        audit.record(AuditEvent.success(approve ? LakeAuditAction.PURCHASE_APPROVE : LakeAuditAction.PURCHASE_REJECT, "purchase-filing", id,
                filing.supplier()));
        return get(id);
    }

    private Filing get(long id) {
        return jdbc.sql("select * from lake_purchase_filing where id = ?").param(id).query((rs, n) -> {
            return new Filing(rs.getLong("id"), rs.getLong("department_id"), null, rs.getString("supplier"),
                    rs.getString("description"), json.readValue(rs.getString("items"), new TypeReference<List<String>>() {
                    }), json.readValue(rs.getString("overlap"), new TypeReference<List<ItemMatch>>() {
                    }), Status.valueOf(rs.getString("status")), rs.getString("filed_by"),
                    rs.getObject("filed_at", OffsetDateTime.class), rs.getString("decided_by"),
                    rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"));
        }).optional().map(f -> new Filing(f.id(), f.departmentId(),
                // named after the row is read, never inside the row mapper (a second pooled connection)
                directory.department(f.departmentId()).map(DepartmentInfo::name).orElse(null), f.supplier(),
                f.description(), f.items(), f.alreadyHeld(), f.status(), f.filedBy(), f.filedAt(), f.decidedBy(),
                f.decidedAt(), f.decisionNote()))
                .orElseThrow(() -> DomainException.notFound("purchase filing", id));
    }
}

package cn.govdata.catalog.entry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.Classification;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Lead departments of base and thematic resources (CAT-7, NX10, AB20): the authority designates, per region,
 * which department keeps the entries of each subject (e.g. 人口 → public security); only that department's
 * editors create and change them.
 */
@Service
public class CatalogLeads {

    record Lead(String subjectCode, String subjectZh, String subjectEn, Long departmentId, String departmentName,
            String designatedBy, OffsetDateTime designatedAt) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;

    CatalogLeads(JdbcClient jdbc, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /** Every base and thematic subject of the region with its lead department, if designated. */
    List<Lead> list(long regionId) {
        java.util.Map<String, Lead> designated = new java.util.HashMap<>();
        // department names are looked up after the rows are read, never inside the row mapper (which would hold
        // a second pooled connection while the first is busy)
        jdbc.sql("""
                select classification_item, department_id, designated_by, designated_at from catalog_lead
                where region_id = ?""").param(regionId).query((rs, n) -> new Lead(rs.getString("classification_item"),
                        null, null, rs.getLong("department_id"), null, rs.getString("designated_by"),
                        rs.getObject("designated_at", OffsetDateTime.class)))
                .list().forEach(lead -> designated.put(lead.subjectCode(), new Lead(lead.subjectCode(), null, null,
                        lead.departmentId(), directory.department(lead.departmentId()).map(DepartmentInfo::name)
                                .orElse(null), lead.designatedBy(), lead.designatedAt())));
        List<Lead> leads = new java.util.ArrayList<>();
        for (var category : List.of(Classification.Category.BASE, Classification.Category.THEMATIC)) {
            var subjects = category == Classification.Category.BASE ? Classification.BASE_SUBJECTS
                    : Classification.THEMATIC_SUBJECTS;
            subjects.forEach((item, name) -> {
                String code = category.digit() + item;
                Lead lead = designated.get(code);
                leads.add(new Lead(code, name.zh(), name.en(), lead == null ? null : lead.departmentId(),
                        lead == null ? null : lead.departmentName(), lead == null ? null : lead.designatedBy(),
                        lead == null ? null : lead.designatedAt()));
            });
        }
        return leads;
    }

    @Transactional
    Lead designate(Actor actor, String subjectCode, long departmentId) {
        CatalogAccess.requireReviewer(actor, actor.regionId());
        Classification subject = subject(subjectCode);
        DepartmentInfo department = directory.department(departmentId)
                .filter(d -> d.regionId() == actor.regionId())
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("departmentId"), departmentId));
        OffsetDateTime now = CatalogEntries.now();
        jdbc.sql("delete from catalog_lead where region_id = ? and classification_item = ?")
                .params(actor.regionId(), subject.subjectCode()).update();
        jdbc.sql("""
                insert into catalog_lead (region_id, classification_item, department_id, designated_by, designated_at)
                values (?, ?, ?, ?, ?)""")
                .params(actor.regionId(), subject.subjectCode(), department.id(), actor.name(), now).update();
        audit.record(AuditEvent.success(CatalogAuditAction.LEAD_DESIGNATE, "catalog-lead", subject.subjectCode(),
                department.name()));
        return list(actor.regionId()).stream().filter(l -> l.subjectCode().equals(subject.subjectCode())).findFirst()
                .orElseThrow();
    }

    /** Base and thematic entries are kept by their lead department; department entries by anyone's own editors. */
    public void requireMaintainer(DepartmentInfo department, Classification classification) {
        if (!classification.needsLeadDepartment()) {
            return;
        }
        Optional<Long> lead = leadOf(department.regionId(), classification.subjectCode());
        if (lead.isEmpty() || lead.get() != department.id()) {
            throw new DomainException(ProblemCode.NOT_LEAD_DEPARTMENT, classification.subjectCode());
        }
    }

    private Optional<Long> leadOf(long regionId, String subjectCode) {
        return jdbc.sql("select department_id from catalog_lead where region_id = ? and classification_item = ?")
                .params(regionId, subjectCode).query(Long.class).optional();
    }

    private static Classification subject(String subjectCode) {
        if (subjectCode == null || !subjectCode.matches("[12]\\d{2}")) {
            throw new DomainException(ProblemCode.INVALID_CLASSIFICATION, subjectCode);
        }
        return Classification.parse(subjectCode);
    }
}

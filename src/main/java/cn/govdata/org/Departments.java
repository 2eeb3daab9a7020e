package cn.govdata.org;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Departments (ORG-1): government bodies, authorised institutions and public-service enterprises
 * (数据生产应用单位, FZ2) of a region. One department per region is its data authority.
 */
@Service
class Departments {

    enum Type { ADMINISTRATIVE_ORGAN, AUTHORISED_INSTITUTION, PUBLIC_SERVICE_ENTERPRISE }

    record Department(long id, long regionId, String name, String creditCode, Type type, Long parentId,
            boolean authority) {
    }

    record NewDepartment(long regionId, String name, String creditCode, Type type, Long parentId, boolean authority) {
    }

    record DepartmentChange(String name, Type type, Long parentId) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditLog audit;

    Departments(JdbcClient jdbc, Regions regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    List<Department> list(Long regionId) {
        if (regionId == null) {
            return jdbc.sql(SELECT + " order by region_id, id").query(Departments::map).list();
        }
        return jdbc.sql(SELECT + " where region_id = ? order by id").param(regionId).query(Departments::map).list();
    }

    Optional<Department> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Departments::map).optional();
    }

    Department get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("department", id));
    }

    @Transactional
    Department create(Actor actor, NewDepartment request) {
        OrgAccess.require(OrgAccess.mayManageRegionsAndDepartments(actor));
        regions.find(request.regionId())
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_PARENT, "region " + request.regionId()));
        CreditCode code = CreditCode.of(request.creditCode());
        checkParent(null, request.regionId(), request.parentId());
        if (jdbc.sql("select count(*) from department where credit_code = ?").param(code.value()).query(Integer.class)
                .single() > 0) {
            throw new DomainException(ProblemCode.DUPLICATE_CREDIT_CODE, code.value());
        }
        if (request.authority() && regions.get(request.regionId()).authorityDepartmentId() != null) {
            throw new DomainException(ProblemCode.CONFLICT, "the region already has a data authority");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into department (region_id, name, credit_code, type, parent_id, authority, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.regionId(), request.name().trim(), code.value(), request.type().name(),
                        request.parentId(), request.authority(), Regions.now(), Regions.now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(OrgAuditAction.DEPARTMENT_CREATE, "department", id, request.name().trim() + " " + code));
        return get(id);
    }

    @Transactional
    Department update(Actor actor, long id, DepartmentChange change) {
        OrgAccess.require(OrgAccess.mayManageRegionsAndDepartments(actor));
        Department current = get(id);
        checkParent(id, current.regionId(), change.parentId());
        jdbc.sql("update department set name = ?, type = ?, parent_id = ?, updated_at = ? where id = ?")
                .params(change.name().trim(), change.type().name(), change.parentId(), Regions.now(), id).update();
        audit.record(AuditEvent.success(OrgAuditAction.DEPARTMENT_UPDATE, "department", id, change.name().trim()));
        return get(id);
    }

    /** A parent must exist in the same region and must not make the hierarchy circular. */
    private void checkParent(Long self, long regionId, Long parentId) {
        Long cursor = parentId;
        while (cursor != null) {
            if (cursor.equals(self)) {
                throw new DomainException(ProblemCode.INVALID_PARENT, "circular hierarchy");
            }
            Department parent = find(cursor)
                    .orElseThrow(() -> new DomainException(ProblemCode.INVALID_PARENT, "department " + parentId));
            if (parent.regionId() != regionId) {
                throw new DomainException(ProblemCode.INVALID_PARENT, "parent is in another region");
            }
            cursor = parent.parentId();
        }
    }

    private static final String SELECT = "select id, region_id, name, credit_code, type, parent_id, authority from department";

    private static Department map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Department(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
                rs.getString("credit_code"), Type.valueOf(rs.getString("type")), rs.getObject("parent_id", Long.class),
                rs.getBoolean("authority"));
    }
}

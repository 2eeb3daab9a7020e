package cn.govdata.org;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Divisions.Division;
import cn.govdata.org.Divisions.Level;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/** Regions (ORG-1): a province, city or county with its GB/T 2260 code and one data authority. */
@Service
class Regions {

    record Region(long id, String divisionCode, String name, Level level, Long parentId, Long authorityDepartmentId) {
    }

    record NewRegion(String divisionCode, String name, Long parentId) {
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final AuditLog audit;

    Regions(JdbcClient jdbc, Divisions divisions, AuditLog audit) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.audit = audit;
    }

    List<Region> all() {
        return jdbc.sql(SELECT + " order by r.division_code").query(Regions::map).list();
    }

    Optional<Region> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Regions::map).optional();
    }

    Region get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("region", id));
    }

    @Transactional
    Region create(Actor actor, NewRegion request) {
        OrgAccess.require(OrgAccess.mayManageRegionsAndDepartments(actor));
        Division division = divisions.find(request.divisionCode())
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_DIVISION_CODE, request.divisionCode()));
        if (request.parentId() != null) {
            Region parent = find(request.parentId())
                    .orElseThrow(() -> new DomainException(ProblemCode.INVALID_PARENT, request.parentId()));
            if (!division.code().equals(parent.divisionCode()) && !isWithin(division, parent.divisionCode())) {
                throw new DomainException(ProblemCode.INVALID_PARENT,
                        division.code() + " is not within " + parent.divisionCode());
            }
        }
        boolean exists = jdbc.sql("select count(*) from region where division_code = ?").param(division.code())
                .query(Integer.class).single() > 0;
        if (exists) {
            throw new DomainException(ProblemCode.DUPLICATE_REGION, division.code());
        }
        String name = request.name() == null || request.name().isBlank() ? division.name() : request.name().trim();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into region (division_code, name, level, parent_id, created_at) values (?, ?, ?, ?, ?)")
                .params(division.code(), name, division.level().name(), request.parentId(), now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(OrgAuditAction.REGION_CREATE, "region", id, division.code() + " " + name));
        return get(id);
    }

    private boolean isWithin(Division division, String ancestorCode) {
        String parent = division.parentCode();
        while (parent != null) {
            if (parent.equals(ancestorCode)) {
                return true;
            }
            parent = divisions.find(parent).map(Division::parentCode).orElse(null);
        }
        return false;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static final String SELECT = """
            select r.id, r.division_code, r.name, r.level, r.parent_id,
                   (select min(d.id) from department d where d.region_id = r.id and d.authority) as authority_id
            from region r""";

    private static Region map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Region(rs.getLong("id"), rs.getString("division_code"), rs.getString("name"),
                Level.valueOf(rs.getString("level")), (Long) rs.getObject("parent_id", Long.class),
                (Long) rs.getObject("authority_id", Long.class));
    }
}

package cn.govdata.open.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Revenue, its grants and its shares in the database. */
@Component
class RevenueRecords {

    private static final String SELECT = """
            select id, region_id, amount, period_start, period_end, source, recorded_by, recorded_at
            from open_revenue""";

    private final JdbcClient jdbc;

    RevenueRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long regionId, BigDecimal amount, LocalDate start, LocalDate end, String source, String by,
            OffsetDateTime at, List<Revenue.GrantPart> grants, List<Allocation.Share> shares) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_revenue (region_id, amount, period_start, period_end, source, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(regionId, amount, start, end, source, by, at)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (Revenue.GrantPart g : grants) {
            jdbc.sql("insert into open_revenue_grant (revenue_id, application_id, department_id, uses) values (?, ?, ?, ?)")
                    .params(id, g.applicationId(), g.departmentId(), g.uses()).update();
        }
        for (Allocation.Share s : shares) {
            jdbc.sql("insert into open_revenue_share (revenue_id, department_id, contribution, amount) values (?, ?, ?, ?)")
                    .params(id, s.departmentId(), s.contribution(), s.amount()).update();
        }
        return id;
    }

    Optional<Revenue> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, row) -> rs.getLong("id")).optional()
                .map(found -> whole(id));
    }

    /** The region's revenue, or (a department's view) that with a share for the department; newest first. */
    List<Revenue> list(long regionId, Long departmentId) {
        String where = " where region_id = ?" + (departmentId == null ? ""
                : " and id in (select revenue_id from open_revenue_share where department_id = ?)");
        List<Object> params = departmentId == null ? List.of(regionId) : List.of(regionId, departmentId);
        return jdbc.sql("select id from open_revenue" + where + " order by recorded_at desc, id desc"
                + " fetch first 1000 rows only").params(params).query(Long.class).list().stream().map(this::whole)
                .toList();
    }

    private Revenue whole(long id) {
        List<Revenue.GrantPart> grants = jdbc.sql("""
                select g.application_id, a.dataset_id, g.department_id, g.uses
                from open_revenue_grant g join open_application a on a.id = g.application_id
                where g.revenue_id = ? order by g.application_id""").param(id)
                .query((rs, row) -> new Revenue.GrantPart(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
        List<Allocation.Share> shares = jdbc.sql("""
                select department_id, contribution, amount from open_revenue_share where revenue_id = ?
                order by department_id""").param(id)
                .query((rs, row) -> new Allocation.Share(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list();
        return jdbc.sql(SELECT + " where id = ?").param(id)
                .query((rs, row) -> new Revenue(rs.getLong("id"), rs.getLong("region_id"), rs.getBigDecimal("amount"),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                        rs.getString("source"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class), grants, shares))
                .single();
    }
}

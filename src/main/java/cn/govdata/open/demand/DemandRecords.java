package cn.govdata.open.demand;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;
import tools.jackson.databind.json.JsonMapper;

/** Demand requests and their timeline in the database. */
@Component
class DemandRecords {

    /** One step of a request's history; detail is a small JSON object. */
    record Event(long id, String type, String actor, OffsetDateTime at, Map<String, Object> detail) {
    }

    /** A page of requests and how many there are in all. */
    record Page(List<Demand> demands, long total) {
    }

    private static final String SELECT = """
            select id, region_id, requester_id, kind, subject, description, reason, named_department_id,
                   department_id, entry_id, status, submitted_at, reply_due_on, decision, decision_reasons,
                   legal_basis, answered_at, answered_by, answered_department_id, objection_open_until,
                   objection_reasons, objected_at, review_due_on, review_outcome, review_reasons, reviewed_at,
                   reviewed_by, fulfilled_at
            from open_demand""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DemandRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long regionId, long requesterId, Demand.Kind kind, String subject, String description, String reason,
            Long namedDepartmentId, Long departmentId, Long entryId, Demand.Status status, OffsetDateTime submittedAt,
            LocalDate replyDueOn) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into open_demand (region_id, requester_id, kind, subject, description, reason,
                    named_department_id, department_id, entry_id, status, submitted_at, reply_due_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(regionId, requesterId, kind.name(), subject, description, reason, namedDepartmentId,
                        departmentId, entryId, status.name(), submittedAt, replyDueOn)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Demand> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(DemandRecords::map).optional();
    }

    /** The request, locked for a change (two answers at once cannot both pass the state check). */
    Demand lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(DemandRecords::map).optional()
                .orElseThrow(() -> DomainException.notFound("demand", id));
    }

    List<Demand> ofRequester(long requesterId) {
        return jdbc.sql(SELECT + " where requester_id = ? order by submitted_at desc, id desc").param(requesterId)
                .query(DemandRecords::map).list();
    }

    /** Requests that have been answered, newest answer first: what the public sees. */
    Page answered(int offset, int limit) {
        String where = " where status in ('ANSWERED', 'OBJECTED', 'CLOSED')";
        long total = jdbc.sql("select count(*) from open_demand" + where).query(Long.class).single();
        List<Demand> page = jdbc.sql(SELECT + where + " order by answered_at desc, id desc limit ? offset ?")
                .params(limit, offset).query(DemandRecords::map).list();
        return new Page(page, total);
    }

    /** The requests of a region (the authority's view), or routed to a department, optionally of one status. */
    List<Demand> forConsole(Long regionId, Long departmentId, Demand.Status status) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (regionId != null) {
            where.append(" and region_id = ?");
            params.add(regionId);
        }
        if (departmentId != null) {
            where.append(" and (department_id = ? or answered_department_id = ?)");
            params.add(departmentId);
            params.add(departmentId);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        return jdbc.sql(SELECT + where + " order by submitted_at desc, id desc fetch first 500 rows only")
                .params(params).query(DemandRecords::map).list();
    }

    /** Requests of every region waiting for a department's answer, with a reply deadline (for the notices). */
    List<Demand> awaitingReplyWithDeadline() {
        return jdbc.sql(SELECT + " where status = 'AWAITING_REPLY' and department_id is not null"
                + " and reply_due_on is not null order by id").query(DemandRecords::map).list();
    }

    /** Requests linked to an entry whose opening has not been told yet. */
    List<Demand> awaitingOpening(long entryId) {
        return jdbc.sql(SELECT + " where entry_id = ? and fulfilled_at is null").param(entryId)
                .query(DemandRecords::map).list();
    }

    /** The entries that linked requests wait to see opened. */
    List<Long> entriesAwaitingOpening() {
        return jdbc.sql("select distinct entry_id from open_demand where entry_id is not null and fulfilled_at is null")
                .query(Long.class).list();
    }

    void assign(long id, long departmentId) {
        jdbc.sql("update open_demand set department_id = ?, status = ? where id = ?")
                .params(departmentId, Demand.Status.AWAITING_REPLY.name(), id).update();
    }

    void returnToAuthority(long id) {
        jdbc.sql("update open_demand set department_id = null, status = ? where id = ?")
                .params(Demand.Status.AWAITING_ASSIGNMENT.name(), id).update();
    }

    void answer(long id, Demand.Decision decision, String reasons, String legalBasis, Long entryId,
            OffsetDateTime at, String by, long departmentId, LocalDate objectionOpenUntil) {
        jdbc.sql("""
                update open_demand set status = ?, decision = ?, decision_reasons = ?, legal_basis = ?,
                    entry_id = coalesce(?, entry_id), answered_at = ?, answered_by = ?, answered_department_id = ?,
                    objection_open_until = ?
                where id = ?""")
                .params(Demand.Status.ANSWERED.name(), decision.name(), reasons, legalBasis, entryId, at, by,
                        departmentId, objectionOpenUntil, id)
                .update();
    }

    void link(long id, long entryId) {
        jdbc.sql("update open_demand set entry_id = ?, fulfilled_at = null where id = ?").params(entryId, id).update();
    }

    void object(long id, String reasons, OffsetDateTime at, LocalDate reviewDueOn) {
        jdbc.sql("update open_demand set status = ?, objection_reasons = ?, objected_at = ?, review_due_on = ? where id = ?")
                .params(Demand.Status.OBJECTED.name(), reasons, at, reviewDueOn, id).update();
    }

    void review(long id, Demand.ReviewOutcome outcome, String reasons, OffsetDateTime at, String by) {
        jdbc.sql("""
                update open_demand set status = ?, review_outcome = ?, review_reasons = ?, reviewed_at = ?, reviewed_by = ?
                where id = ?""")
                .params(Demand.Status.CLOSED.name(), outcome.name(), reasons, at, by, id).update();
    }

    /** The authority's revised answer replaces the department's (which stays in the timeline). */
    void revise(long id, Demand.Decision decision, String reasons, String legalBasis, Long entryId) {
        jdbc.sql("""
                update open_demand set decision = ?, decision_reasons = ?, legal_basis = ?, entry_id = coalesce(?, entry_id)
                where id = ?""")
                .params(decision.name(), reasons, legalBasis, entryId, id).update();
    }

    void fulfil(long id, OffsetDateTime at) {
        jdbc.sql("update open_demand set fulfilled_at = ? where id = ?").params(at, id).update();
    }

    void event(long demandId, String type, String actor, Map<String, Object> detail) {
        jdbc.sql("insert into open_demand_event (demand_id, type, actor, at, detail) values (?, ?, ?, ?, ?)")
                .params(demandId, type, actor, OffsetDateTime.now(ZoneOffset.UTC),
                        detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail))
                .update();
    }

    @SuppressWarnings("unchecked")
    List<Event> timeline(long demandId) {
        return jdbc.sql("select id, type, actor, at, detail from open_demand_event where demand_id = ? order by id")
                .param(demandId)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5) == null ? Map.of() : json.readValue(rs.getString(5), Map.class)))
                .list();
    }

    private static Demand map(ResultSet rs, int row) throws SQLException {
        return new Demand(rs.getLong("id"), rs.getLong("region_id"), longOrNull(rs, "requester_id"),
                Demand.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("description"),
                rs.getString("reason"), longOrNull(rs, "named_department_id"), longOrNull(rs, "department_id"),
                longOrNull(rs, "entry_id"), Demand.Status.valueOf(rs.getString("status")),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("reply_due_on", LocalDate.class),
                rs.getString("decision") == null ? null : Demand.Decision.valueOf(rs.getString("decision")),
                rs.getString("decision_reasons"), rs.getString("legal_basis"),
                rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by"),
                longOrNull(rs, "answered_department_id"), rs.getObject("objection_open_until", LocalDate.class),
                rs.getString("objection_reasons"), rs.getObject("objected_at", OffsetDateTime.class),
                rs.getObject("review_due_on", LocalDate.class),
                rs.getString("review_outcome") == null ? null
                        : Demand.ReviewOutcome.valueOf(rs.getString("review_outcome")),
                rs.getString("review_reasons"), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("reviewed_by"), rs.getObject("fulfilled_at", OffsetDateTime.class));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

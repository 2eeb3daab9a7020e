package cn.govdata.share.application;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.Stage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline of an application (SHR-2, SEC-2): every event, as the applicant, the provider and the authority
 * see it. Appended in the transaction of the change it records; never changed.
 */
@Component
class Timeline {

    enum Type {
        SUBMITTED, ROUTED, REMINDER, OVERDUE, APPROVED, NARROWED, REFUSED, WITHDRAWN, COORDINATION_REQUESTED,
        COORDINATION_NOTE, COORDINATED, GRANT_ISSUED, GRANT_REVOKED, GRANT_EXPIRED, RENEWAL_STARTED
    }

    /** One event: what, at which stage, when, by whom, and its particulars (reason, basis, what was narrowed …). */
    record Event(long id, Type type, Stage stage, OffsetDateTime at, String actor, Long actorDepartmentId,
            Long grantId, Map<String, Object> detail) {
    }

    /** Who an event is recorded for; the platform's own jobs record as {@code system}. */
    record By(String name, Long departmentId) {
        static final By PLATFORM = new By("system", null);
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Timeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(long applicationId, Type type, Stage stage, By by, Long grantId, Map<String, ?> detail) {
        Map<String, Object> clean = new LinkedHashMap<>();
        if (detail != null) {
            detail.forEach((k, v) -> {
                if (v != null) {
                    clean.put(k, v);
                }
            });
        }
        jdbc.sql("""
                insert into share_event (application_id, grant_id, type, stage, occurred_at, actor, actor_department_id,
                    detail) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, grantId, type.name(), stage == null ? null : stage.name(), ShareClock.now(),
                        by.name(), by.departmentId(), clean.isEmpty() ? null : json.writeValueAsString(clean))
                .update();
    }

    List<Event> of(long applicationId) {
        return jdbc.sql("""
                select id, type, stage, occurred_at, actor, actor_department_id, grant_id, detail from share_event
                where application_id = ? order by id""")
                .param(applicationId)
                .query((rs, n) -> new Event(rs.getLong("id"), Type.valueOf(rs.getString("type")),
                        rs.getString("stage") == null ? null : Stage.valueOf(rs.getString("stage")),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getObject("actor_department_id", Long.class), rs.getObject("grant_id", Long.class),
                        rs.getString("detail") == null ? Map.of()
                                : json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {
                                })))
                .list();
    }
}

package cn.govdata.org;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Actor;
import cn.govdata.shared.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department's data-management roster (TJ24, FZ27): the leader in charge, the daily manager and the
 * contacts. Every change is kept as a new version with its reason, so the history of who was
 * responsible when can be shown.
 */
@Service
class Rosters {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Person(@NotBlank @Size(max = 50) @PlainText String name, @Size(max = 50) @PlainText String title,
            @Size(max = 30) @PlainText String phone, @Size(max = 100) @PlainText String email) {
    }

    record RosterContent(@NotNull @Valid Person leader, @NotNull @Valid Person manager,
            @NotNull @Size(max = 20) List<@Valid Person> contacts) {
    }

    record Roster(int version, Person leader, Person manager, List<Person> contacts, OffsetDateTime changedAt,
            String changedBy, String reason) {
    }

    private final JdbcClient jdbc;
    private final Departments departments;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Rosters(JdbcClient jdbc, Departments departments, AuditLog audit, JsonMapper json,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.audit = audit;
        this.json = json;
        this.events = events;
    }

    Optional<Roster> current(Actor actor, long departmentId) {
        requireVisible(actor, departmentId);
        return jdbc.sql(SELECT + " where department_id = ? order by version desc fetch first 1 rows only")
                .param(departmentId).query(this::map).optional();
    }

    List<Roster> history(Actor actor, long departmentId) {
        requireVisible(actor, departmentId);
        return jdbc.sql(SELECT + " where department_id = ? order by version desc").param(departmentId).query(this::map)
                .list();
    }

    @Transactional
    Roster change(Actor actor, long departmentId, RosterContent content, String reason) {
        Departments.Department department = departments.get(departmentId);
        OrgAccess.require(OrgAccess.mayChangeRoster(actor, departmentId));
        int version = jdbc.sql("select coalesce(max(version), 0) from department_roster where department_id = ?")
                .param(departmentId).query(Integer.class).single() + 1;
        jdbc.sql("""
                insert into department_roster (department_id, version, content, reason, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(departmentId, version, json.writeValueAsString(content), reason, actor.name(), Regions.now())
                .update();
        audit.record(AuditEvent.success(OrgAuditAction.ROSTER_CHANGE, "department", departmentId,
                "version " + version + (reason == null ? "" : ": " + reason)));
        // reported to the data authority as a filing (ORG-2), from today
        events.publishEvent(new StaffChanged(department.regionId(), departmentId, StaffChanged.Kind.ROSTER_CHANGED,
                version, "数据工作名单变更为第" + version + "版" + (reason == null || reason.isBlank() ? ""
                        : "（" + reason.strip() + "）"), LocalDate.now(ZONE)));
        return current(actor, departmentId).orElseThrow();
    }

    private void requireVisible(Actor actor, long departmentId) {
        departments.get(departmentId);
        OrgAccess.require(OrgAccess.maySeeInside(actor, departmentId));
    }

    private static final String SELECT = "select version, content, changed_at, changed_by, reason from department_roster";

    private Roster map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        RosterContent content = json.readValue(rs.getString("content"), RosterContent.class);
        return new Roster(rs.getInt("version"), content.leader(), content.manager(), content.contacts(),
                rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"), rs.getString("reason"));
    }
}

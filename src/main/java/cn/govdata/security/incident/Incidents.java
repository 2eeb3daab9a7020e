package cn.govdata.security.incident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.org.Directory;
import cn.govdata.security.SecurityAccess;
import cn.govdata.security.SecurityAuditAction;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Security incidents (SEC-5; YT28, AB41): the authority's security administrator registers an incident — its type,
 * its grade after GB/T 20986, the catalog entries and departments affected — and keeps its timeline of actions
 * until it is closed. The departments affected see it in their notices; a report can be produced at any time.
 * Suspicious patterns raise a DRAFT ({@link IncidentSignals}) that the administrator confirms or closes.
 */
@Service
class Incidents {

    /** Incident types after GB/T 20986 (信息安全事件分类), reduced to what the platform meets. */
    enum Type { DATA_LEAK, UNAUTHORIZED_ACCESS, ATTACK, DATA_TAMPERING, SYSTEM_FAILURE, OTHER }

    /** Grades after GB/T 20986: 特别重大, 重大, 较大, 一般. */
    enum Grade { ESPECIALLY_SERIOUS, SERIOUS, RELATIVELY_SERIOUS, GENERAL }

    enum Status { DRAFT, OPEN, CLOSED }

    record IncidentForm(Type type, Grade grade, String title, String description, List<Long> entryIds,
            List<Long> departmentIds) {
    }

    record Action(OffsetDateTime at, String actor, String action) {
    }

    record AffectedEntry(long id, String resourceCode, String name) {
    }

    record AffectedDepartment(long id, String name) {
    }

    record Incident(long id, Long regionId, Type type, Grade grade, Status status, String title, String description,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime closedAt, List<AffectedEntry> entries,
            List<AffectedDepartment> departments, List<Action> actions) {
    }

    private final JdbcClient jdbc;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final AuditLog audit;

    Incidents(JdbcClient jdbc, PublishedCatalog catalog, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.audit = audit;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Transactional
    Incident register(Actor actor, IncidentForm form) {
        SecurityAccess.requireSecurityAdministrator(actor);
        Valid valid = validate(actor.regionId(), form);
        long id = insert(actor.regionId(), form.type(), form.grade(), Status.OPEN, valid.title(), form.description(),
                null, actor.name());
        affected(id, valid);
        act(id, actor.name(), "登记事件 registered");
        audit.record(AuditEvent.success(SecurityAuditAction.INCIDENT_REGISTER, "security-incident", id,
                form.type() + " " + form.grade() + ": " + valid.title()));
        return get(actor, id);
    }

    /** A draft raised by a suspicious pattern; none is raised twice for the same signal while it is not closed. */
    @Transactional
    boolean draft(Long regionId, Type type, String title, String description, String signalKey, Set<Long> departments) {
        boolean open = jdbc.sql("select count(*) from security_incident where signal_key = ? and status <> 'CLOSED'")
                .param(signalKey).query(Long.class).single() > 0;
        if (open) {
            return false;
        }
        long id = insert(regionId, type, Grade.GENERAL, Status.DRAFT, title, description, signalKey, "platform");
        for (long department : departments) {
            jdbc.sql("insert into security_incident_department (incident_id, department_id) values (?, ?)")
                    .params(id, department).update();
        }
        act(id, "platform", "自动发现可疑情况 raised automatically: " + description);
        audit.record(AuditEvent.success(SecurityAuditAction.INCIDENT_DRAFT, "security-incident", id, title),
                new AuditActor("platform", null, null));
        return true;
    }

    /** The administrator confirms a draft, completing it as a registration would: it is then notified. */
    @Transactional
    Incident confirm(Actor actor, long id, IncidentForm form) {
        Incident draft = get(actor, id);
        requireStatus(draft, Status.DRAFT, "confirm");
        Valid valid = validate(actor.regionId(), form);
        jdbc.sql("delete from security_incident_department where incident_id = ?").param(id).update();
        jdbc.sql("update security_incident set type = ?, grade = ?, title = ?, description = ?, status = 'OPEN',"
                + " region_id = ? where id = ?").params(form.type().name(), form.grade().name(), valid.title(),
                        form.description(), actor.regionId(), id).update();
        affected(id, valid);
        act(id, actor.name(), "确认事件 confirmed");
        audit.record(AuditEvent.success(SecurityAuditAction.INCIDENT_CONFIRM, "security-incident", id, valid.title()));
        return get(actor, id);
    }

    @Transactional
    Incident addAction(Actor actor, long id, String action) {
        Incident incident = get(actor, id);
        requireStatus(incident, Status.OPEN, "record an action");
        act(id, actor.name(), required("text", action, 2000));
        audit.record(AuditEvent.success(SecurityAuditAction.INCIDENT_ACTION, "security-incident", id, action.strip()));
        return get(actor, id);
    }

    /** Closes an open incident with its conclusion, or a draft found harmless. */
    @Transactional
    Incident close(Actor actor, long id, String conclusion) {
        Incident incident = get(actor, id);
        if (incident.status() == Status.CLOSED) {
            throw new DomainException(ProblemCode.INVALID_STATE, incident.status(), "close");
        }
        String text = required("text", conclusion, 2000);
        act(id, actor.name(), "结案 closed: " + text);
        jdbc.sql("update security_incident set status = 'CLOSED', closed_at = ? where id = ?").params(now(), id)
                .update();
        audit.record(AuditEvent.success(SecurityAuditAction.INCIDENT_CLOSE, "security-incident", id, text));
        return get(actor, id);
    }

    List<Incident> list(Actor actor) {
        SecurityAccess.requireSecurityAdministrator(actor);
        return jdbc.sql("select id from security_incident where region_id = ? or region_id is null order by id desc")
                .param(actor.regionId()).query(Long.class).list().stream().map(this::load).toList();
    }

    /** The incidents that affect the caller's department (registered or confirmed, never a draft). */
    List<Incident> notices(Actor actor) {
        return jdbc.sql("""
                select i.id from security_incident i join security_incident_department d on d.incident_id = i.id
                where d.department_id = ? and i.status <> 'DRAFT' order by i.id desc""")
                .param(actor.departmentId()).query(Long.class).list().stream().map(this::load).toList();
    }

    /** An incident, for the administrator or a department it affects (once notified). */
    Incident get(Actor actor, long id) {
        Incident incident = jdbc.sql("select id from security_incident where id = ?").param(id).query(Long.class)
                .optional().map(this::load).orElseThrow(() -> DomainException.notFound("incident", id));
        boolean administrator = incident.regionId() == null ? SecurityAccess.securityAdministratorOf(actor,
                actor.regionId()) : SecurityAccess.securityAdministratorOf(actor, incident.regionId());
        boolean affected = incident.status() != Status.DRAFT
                && incident.departments().stream().anyMatch(d -> d.id() == actor.departmentId());
        if (!administrator && !affected) {
            throw DomainException.notFound("incident", id);
        }
        return incident;
    }

    // --- parts ----------------------------------------------------------------------------------------------

    private record Valid(String title, Set<Long> entries, Set<Long> departments) {
    }

    private Valid validate(long regionId, IncidentForm form) {
        if (form == null || form.type() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("type"));
        }
        if (form.grade() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("grade"));
        }
        String title = required("title", form.title(), 200);
        if (form.description() != null && form.description().length() > 4000) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, FieldName.of("description"), 4000);
        }
        Set<Long> entries = new LinkedHashSet<>(form.entryIds() == null ? List.of() : form.entryIds());
        Set<Long> departments = new LinkedHashSet<>(form.departmentIds() == null ? List.of() : form.departmentIds());
        for (long entry : entries) {
            var published = catalog.byId(entry).filter(e -> e.regionId() == regionId)
                    .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("entryIds"), entry));
            departments.add(published.departmentId());  // the entry's department is affected with its data
        }
        for (long department : departments) {
            directory.department(department).filter(d -> d.regionId() == regionId)
                    .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("departmentIds"),
                            department));
        }
        return new Valid(title, entries, departments);
    }

    private static String required(String field, String value, int max) {
        return FieldName.of(field).requiredText(value, max);
    }

    private static void requireStatus(Incident incident, Status status, String what) {
        if (incident.status() != status) {
            throw new DomainException(ProblemCode.INVALID_STATE, incident.status(), what);
        }
    }

    private long insert(Long regionId, Type type, Grade grade, Status status, String title, String description,
            String signalKey, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into security_incident (region_id, type, grade, status, title, description, signal_key,
                    created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(regionId, type.name(), grade.name(), status.name(), title, description, signalKey, by, now())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private void affected(long id, Valid valid) {
        for (long entry : valid.entries()) {
            jdbc.sql("insert into security_incident_entry (incident_id, entry_id) values (?, ?)").params(id, entry)
                    .update();
        }
        for (long department : valid.departments()) {
            jdbc.sql("insert into security_incident_department (incident_id, department_id) values (?, ?)")
                    .params(id, department).update();
        }
    }

    private void act(long id, String actor, String action) {
        jdbc.sql("insert into security_incident_action (incident_id, occurred_at, actor, action) values (?, ?, ?, ?)")
                .params(id, now(), actor, action).update();
    }

    private Incident load(long id) {
        List<AffectedEntry> entries = new ArrayList<>();
        for (long entry : jdbc.sql("select entry_id from security_incident_entry where incident_id = ? order by entry_id")
                .param(id).query(Long.class).list()) {
            catalog.byId(entry).ifPresentOrElse(
                    e -> entries.add(new AffectedEntry(entry, e.resourceCode(), e.content().name())),
                    () -> entries.add(new AffectedEntry(entry, null, null)));
        }
        List<AffectedDepartment> departments = jdbc.sql(
                "select department_id from security_incident_department where incident_id = ? order by department_id")
                .param(id).query(Long.class).list().stream()
                .map(d -> new AffectedDepartment(d, directory.department(d).map(Directory.DepartmentInfo::name)
                        .orElse(null)))
                .toList();
        List<Action> actions = jdbc.sql("select occurred_at, actor, action from security_incident_action"
                + " where incident_id = ? order by id").param(id)
                .query((rs, n) -> new Action(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3)))
                .list();
        return jdbc.sql("select * from security_incident where id = ?").param(id).query((rs, n) -> new Incident(
                rs.getLong("id"), rs.getObject("region_id", Long.class), Type.valueOf(rs.getString("type")),
                Grade.valueOf(rs.getString("grade")), Status.valueOf(rs.getString("status")), rs.getString("title"),
                rs.getString("description"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                entries, departments, actions)).single();
    }
}

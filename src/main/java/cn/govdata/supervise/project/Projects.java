package cn.govdata.supervise.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.lake.LakeFacts.DatasetFact;
import cn.govdata.org.Directory;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;
import cn.govdata.supervise.project.Project.AcceptanceEvidence;
import cn.govdata.supervise.project.Project.ApprovalCheck;
import cn.govdata.supervise.project.Project.EntryFacts;
import cn.govdata.supervise.project.Project.Finding;
import cn.govdata.supervise.project.Project.ProjectEntry;

import tools.jackson.databind.json.JsonMapper;

/**
 * Information projects (信息化项目, CAT-10): a department registers its project with the catalog entries it
 * produces or uses; before approval the platform checks the project's catalog is complete, at acceptance (验收)
 * that it is published and its data aggregated, and keeps what it found, with when, as the evidence. The
 * department's editors register and change their projects; they and the authority's officers run the checks;
 * another department does not see them (404).
 */
@Service
public class Projects {

    /** What a department registers. */
    public record ProjectForm(String code, String name, String approvalBody, BigDecimal budget, LocalDate startsOn,
            LocalDate endsOn, List<ProjectEntry> entries) {
    }

    private static final int MAX_ENTRIES = 500;

    private final JdbcClient jdbc;
    private final CatalogFacts catalog;
    private final LakeFacts lake;
    private final Directory directory;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final JsonMapper json;

    Projects(JdbcClient jdbc, CatalogFacts catalog, LakeFacts lake, Directory directory, ActivePolicy policy,
            WorkingDayCalendar calendar, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.lake = lake;
        this.directory = directory;
        this.policy = policy;
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    public Project register(Actor actor, ProjectForm form) {
        SuperviseAccess.requireProjectEditor(actor, actor.departmentId());
        List<ProjectEntry> entries = validate(form);
        OffsetDateTime now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into supervise_project (region_id, department_id, code, name, approval_body, budget,
                        starts_on, ends_on, status, created_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?)""")
                    .params(actor.regionId(), actor.departmentId(), form.code().strip(), form.name().strip(),
                            form.approvalBody().strip(), form.budget(), form.startsOn(), form.endsOn(), actor.name(),
                            now, now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw codeTaken(form.code());
        }
        long id = keys.getKeyAs(Long.class);
        writeEntries(id, entries);
        audit.record(AuditEvent.success(SuperviseAuditAction.PROJECT_REGISTER, "project", id,
                form.code().strip() + " " + form.name().strip()));
        return find(id);
    }

    /** The department changes its project (not once accepted); its checks must then be run again. */
    @Transactional
    public Project change(Actor actor, long id, ProjectForm form) {
        Project project = get(actor, id);
        SuperviseAccess.requireProjectEditor(actor, project.departmentId());
        if (project.status() == ProjectStatus.ACCEPTED) {
            throw new DomainException(ProblemCode.CONFLICT,
                    new LocalizedText("项目已通过验收核查，不能再修改", "the project passed its acceptance check and cannot change"));
        }
        List<ProjectEntry> entries = validate(form);
        try {
            jdbc.sql("""
                    update supervise_project set code = ?, name = ?, approval_body = ?, budget = ?, starts_on = ?,
                        ends_on = ?, status = 'REGISTERED', approval_check = null, acceptance = null, updated_at = ?
                    where id = ?""")
                    .params(form.code().strip(), form.name().strip(), form.approvalBody().strip(), form.budget(),
                            form.startsOn(), form.endsOn(), now(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw codeTaken(form.code());
        }
        jdbc.sql("delete from supervise_project_entry where project_id = ?").param(id).update();
        writeEntries(id, entries);
        audit.record(AuditEvent.success(SuperviseAuditAction.PROJECT_CHANGE, "project", id,
                form.code().strip() + " " + form.name().strip()));
        return find(id);
    }

    /** The region's projects for the authority's officers (optionally of one department); the caller's own otherwise. */
    public List<Project> list(Actor actor, Long departmentId) {
        Long department = departmentId;
        if (department == null && !SuperviseAccess.isOfficer(actor, actor.regionId())) {
            department = actor.departmentId();
        }
        if (department != null) {
            long wanted = department;
            var info = directory.department(wanted).orElseThrow(() -> DomainException.notFound("department", wanted));
            SuperviseAccess.requireSees(actor, wanted, info.regionId());
            return jdbc.sql(SELECT + " where department_id = ? order by id desc").param(wanted)
                    .query(this::map).list();
        }
        return jdbc.sql(SELECT + " where region_id = ? order by id desc").param(actor.regionId())
                .query(this::map).list();
    }

    /** A department's projects, for its compliance statement (SUP-4); the caller's right to see it is checked there. */
    public List<Project> ofDepartment(long departmentId) {
        return jdbc.sql(SELECT + " where department_id = ? order by id").param(departmentId).query(this::map).list();
    }

    public Project get(Actor actor, long id) {
        Project project = jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("project", id));
        if (!SuperviseAccess.sees(actor, project.departmentId(), project.regionId())) {
            throw DomainException.notFound("project", id);
        }
        return project;
    }

    /** Checks the project's catalog is complete before approval, records the result and says what is missing. */
    @Transactional
    public Project checkBeforeApproval(Actor actor, long id) {
        Project project = get(actor, id);
        SuperviseAccess.requireProjectChecker(actor, project.departmentId(), project.regionId());
        List<Finding> findings = checks(project).beforeApproval(project.departmentId(), project.entries());
        ApprovalCheck check = new ApprovalCheck(findings.isEmpty(), findings, now(), actor.name());
        ProjectStatus status = project.status() == ProjectStatus.ACCEPTED ? project.status()
                : check.complete() ? ProjectStatus.CATALOG_COMPLETE : ProjectStatus.CATALOG_INCOMPLETE;
        jdbc.sql("update supervise_project set approval_check = ?, status = ?, updated_at = ? where id = ?")
                .params(json.writeValueAsString(check), status.name(), check.checkedAt(), id).update();
        audit.record(AuditEvent.success(SuperviseAuditAction.PROJECT_APPROVAL_CHECK, "project", id,
                project.code() + (check.complete() ? " complete" : " incomplete: " + codes(findings))));
        return find(id);
    }

    /**
     * The acceptance check (验收): the entries published, the data of those the project produces aggregated and
     * current; the facts checked become the acceptance evidence, kept with the project.
     */
    @Transactional
    public Project checkAcceptance(Actor actor, long id) {
        Project project = get(actor, id);
        SuperviseAccess.requireProjectChecker(actor, project.departmentId(), project.regionId());
        LocalDate today = calendar.today();
        List<DatasetFact> datasets = lake.datasets(project.regionId(), today);
        List<Finding> findings = new ArrayList<>();
        List<EntryFacts> facts = checks(project).atAcceptance(project.entries(),
                entryId -> datasets.stream().filter(d -> d.entryId() == entryId).findFirst(), findings);
        AcceptanceEvidence evidence = new AcceptanceEvidence(findings.isEmpty(), project.code(), project.name(),
                project.departmentName(), facts, findings, now(), actor.name());
        ProjectStatus status = evidence.passed() ? ProjectStatus.ACCEPTED : ProjectStatus.ACCEPTANCE_FAILED;
        jdbc.sql("update supervise_project set acceptance = ?, status = ?, updated_at = ? where id = ?")
                .params(json.writeValueAsString(evidence), status.name(), evidence.checkedAt(), id).update();
        audit.record(AuditEvent.success(SuperviseAuditAction.PROJECT_ACCEPTANCE_CHECK, "project", id,
                project.code() + (evidence.passed() ? " passed" : " failed: " + codes(findings))));
        return find(id);
    }

    /** The evidence of the last acceptance check, for downloading; 404 until the check ran. */
    public AcceptanceEvidence evidence(Actor actor, long id) {
        Project project = get(actor, id);
        if (project.acceptance() == null) {
            throw DomainException.notFound("acceptance evidence", id);
        }
        audit.record(AuditEvent.success(SuperviseAuditAction.PROJECT_EVIDENCE_DOWNLOAD, "project", id, project.code()));
        return project.acceptance();
    }

    private ProjectChecks checks(Project project) {
        PolicyProfile profile = policy.profile();
        return new ProjectChecks(code -> catalog.entry(project.regionId(), code), type -> {
            PolicyProfile.Text name = profile.shareTypes().get(type);
            return name == null ? new LocalizedText(type.name(), type.name()) : new LocalizedText(name.zh(), name.en());
        });
    }

    private List<ProjectEntry> validate(ProjectForm form) {
        if (form == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("project.code"));
        }
        required(form.code(), "project.code", 60);
        required(form.name(), "project.name", 200);
        required(form.approvalBody(), "project.approvalBody", 200);
        if (form.budget() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("project.budget"));
        }
        if (form.budget().signum() < 0 || form.budget().scale() > 2
                || form.budget().compareTo(new BigDecimal("99999999999999")) > 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("project.budget"), "0–99999999999999.99");
        }
        if (form.startsOn() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("project.startsOn"));
        }
        if (form.endsOn() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("project.endsOn"));
        }
        if (form.endsOn().isBefore(form.startsOn())) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("project.endsOn"), "≥ " + form.startsOn());
        }
        List<ProjectEntry> entries = form.entries() == null ? List.of() : form.entries();
        if (entries.size() > MAX_ENTRIES) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("project.entries"), "≤ " + MAX_ENTRIES);
        }
        Set<String> codes = new HashSet<>();
        List<ProjectEntry> cleaned = new ArrayList<>();
        for (ProjectEntry entry : entries) {
            if (entry == null || entry.resourceCode() == null || entry.resourceCode().isBlank()) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("project.resourceCode"));
            }
            String code = entry.resourceCode().strip();
            if (code.length() > 40 || !codes.add(code)) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("project.resourceCode"), code);
            }
            if (entry.role() == null) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("project.role"));
            }
            List<String> items = entry.items().stream().filter(i -> i != null && !i.isBlank()).map(String::strip)
                    .distinct().toList();
            if (items.stream().anyMatch(i -> i.length() > 100 || i.contains("\n"))) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("project.items"), "≤ 100");
            }
            cleaned.add(new ProjectEntry(code, entry.role(), items));
        }
        return cleaned;
    }

    private static void required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of(field));
        }
        if (value.strip().length() > maxLength) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), "≤ " + maxLength);
        }
    }

    private static DomainException codeTaken(String code) {
        return new DomainException(ProblemCode.CONFLICT, new LocalizedText("项目编号" + code.strip() + "已登记",
                "project code " + code.strip() + " is already registered"));
    }

    private void writeEntries(long projectId, List<ProjectEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            ProjectEntry entry = entries.get(i);
            jdbc.sql("""
                    insert into supervise_project_entry (project_id, resource_code, role, item_names, position)
                    values (?, ?, ?, ?, ?)""")
                    .params(projectId, entry.resourceCode(), entry.role().name(), String.join("\n", entry.items()), i)
                    .update();
        }
    }

    private Project find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).single();
    }

    private static final String SELECT = """
            select id, region_id, department_id, code, name, approval_body, budget, starts_on, ends_on, status,
                approval_check, acceptance, created_by, created_at, updated_at from supervise_project""";

    private Project map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long departmentId = rs.getLong("department_id");
        ProjectStatus status = ProjectStatus.valueOf(rs.getString("status"));
        String approval = rs.getString("approval_check");
        String acceptance = rs.getString("acceptance");
        List<ProjectEntry> entries = jdbc.sql("""
                select resource_code, role, item_names from supervise_project_entry where project_id = ?
                order by position""")
                .param(id)
                .query((e, n) -> new ProjectEntry(e.getString(1), Project.Role.valueOf(e.getString(2)),
                        e.getString(3).isEmpty() ? List.of() : Arrays.asList(e.getString(3).split("\n"))))
                .list();
        return new Project(id, rs.getLong("region_id"), departmentId,
                directory.department(departmentId).map(d -> d.name()).orElse(""), rs.getString("code"),
                rs.getString("name"), rs.getString("approval_body"), rs.getBigDecimal("budget"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), status,
                status.label(), entries,
                approval == null ? null : json.readValue(approval, ApprovalCheck.class),
                acceptance == null ? null : json.readValue(acceptance, AcceptanceEvidence.class),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static String codes(List<Finding> findings) {
        return String.join(",", findings.stream().map(f -> f.code() + (f.resourceCode() == null ? "" : ":"
                + f.resourceCode())).toList());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

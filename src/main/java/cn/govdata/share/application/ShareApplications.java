package cn.govdata.share.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.catalog.DataGrade;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.GradeRules;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.org.ConnectedSystems;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.GrantRevoked;
import cn.govdata.share.RowFilter;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.application.ShareForms.ApplicationForm;
import cn.govdata.share.application.ShareRules.Checked;
import cn.govdata.share.application.ShareRules.Kind;
import cn.govdata.share.application.Timeline.By;
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.EnumParameter;
import cn.govdata.share.common.Parties;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.ShareLabels;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.common.ShareSettings;
import cn.govdata.share.common.Stage;
import cn.govdata.share.grant.GrantTerms;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.shared.Violation;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.NoticeRaised;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Share applications (SHR-1 … SHR-3): a department's data user requests unconditional data (granted at once),
 * drafts an application for conditional data with its materials and submits it, and follows it; the
 * approvers find what waits for them; the authority finds what is overdue. Decisions are in
 * {@link ShareDecisions}.
 */
@Service
public class ShareApplications {

    public enum Status { DRAFT, PENDING, APPROVED, REFUSED, COORDINATION, WITHDRAWN }

    enum Side { APPLICANT, PROVIDER, AUTHORITY }

    /** A material the entry asks for, and how many files are attached for it. */
    record Material(String name, int attachments) {
    }

    record Refusal(String reason, LegalBasis basis) {
    }

    /**
     * An application as both sides see it. {@code requested} is the scope applied for, {@code approved} the
     * scope as approved so far (a decision may narrow it); {@code stage} is whose decision it waits for, and
     * {@code dueOn} the Beijing date by which that approver must answer (none where the regulation fixes none).
     */
    record Application(long id, long regionId, ShareType shareType, Status status, List<Stage> stages, Stage stage,
            long entryId, int entryVersion, String resourceCode, String entryName, long providerDepartmentId,
            String providerDepartmentName, long applicantDepartmentId, String applicantDepartmentName,
            String appliedBy, String purpose, String useScenario, String legalDuty, Scope requested, Scope approved,
            List<Material> materials, LocalDate dueOn, boolean dueSoon, boolean overdue, OffsetDateTime remindedAt,
            OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy,
            Refusal refusal, String negotiation, OffsetDateTime coordinationRequestedAt, boolean coordinated,
            Long renewalOfGrantId, List<Long> grantIds) {

        /** Whom the application is between, for {@link SharePermissions}. */
        Parties parties() {
            return new Parties(regionId, providerDepartmentId, applicantDepartmentId);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PublishedCatalog catalog;
    private final Directory directory;
    private final ConnectedSystems systems;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final Timeline timeline;
    private final Grants grants;
    private final AuditLog audit;
    private final ShareSettings settings;
    private final ApplicationEventPublisher events;

    ShareApplications(JdbcClient jdbc, JsonMapper json, PublishedCatalog catalog, Directory directory,
            ConnectedSystems systems, ActivePolicy policy, WorkingDayCalendar calendar, Timeline timeline,
            Grants grants, AuditLog audit, ShareSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.directory = directory;
        this.systems = systems;
        this.policy = policy;
        this.calendar = calendar;
        this.timeline = timeline;
        this.grants = grants;
        this.audit = audit;
        this.settings = settings;
        this.events = events;
    }

    // --- unconditional data (SHR-1) ---------------------------------------------------------------------------

    /**
     * Unconditional data is obtained directly (SHR-1: YT21 NX11 AB27 TJ17 FZ10): the request is kept as an
     * application approved at once, and the grant is issued in the same transaction.
     */
    @Transactional
    Grant request(Actor actor, ApplicationForm applied) {
        SharePermissions.requireApplicant(actor);
        ApplicationForm form = asApplied(actor, applied);
        PublishedEntry entry = entryFor(actor, form.entryId());
        requireType(entry, ShareType.UNCONDITIONAL);
        Checked checked = check(actor, form, Kind.REQUEST, entry);
        OffsetDateTime now = ShareClock.now();
        long id = insert(actor, appliedBy(actor, form), entry, checked, Status.APPROVED, List.of(), null, now);
        jdbc.sql("update share_application set approved_scope = requested_scope, submitted_at = ?, decided_at = ?, "
                + "decided_by_department_id = ? where id = ?")
                .params(now, now, entry.departmentId(), id).update();
        Application application = load(id);
        timeline.record(id, Timeline.Type.SUBMITTED, null, by(actor), null,
                Map.of("shareType", ShareType.UNCONDITIONAL.name()));
        audit.record(AuditEvent.success(ShareAuditAction.REQUEST, "share-application", id, entry.resourceCode()
                + " unconditional: " + checked.scope().items().size() + " items"));
        return issueGrant(application, checked.scope(), Grants.Origin.UNCONDITIONAL, null);
    }

    /**
     * Issues the grant an application results in, with the scope decided and the limits the approver set (the
     * platform's defaults otherwise), and notes it in the application's timeline — in the deciding transaction.
     *
     * @param approver null for an unconditional entry, whose publication in the catalog is its approval
     */
    Grant issueGrant(Application application, Scope scope, Grants.Origin origin, Actor approver) {
        int rate = scope.rateLimit() == null ? settings.defaultRateLimit() : scope.rateLimit();
        long quota = scope.dailyQuota() == null ? settings.defaultDailyQuota() : scope.dailyQuota();
        Grant grant = grants.issue(new GrantTerms(application.id(), application.regionId(), application.entryId(),
                application.resourceCode(), application.entryName(), application.providerDepartmentId(),
                application.applicantDepartmentId(), application.purpose(), application.useScenario(),
                application.legalDuty(), scope.items(), scope.rowFilter(), scope.ways(), scope.systems(),
                scope.periodFrom(), scope.periodTo(), rate, quota, origin, approver));
        timeline.record(application.id(), Timeline.Type.GRANT_ISSUED, null, approver == null ? By.PLATFORM
                : by(approver), grant.id(), Map.of("items", scope.items(), "ways", scope.ways(), "validFrom",
                        scope.periodFrom().toString(), "validUntil",
                        scope.periodTo() == null ? "" : scope.periodTo().toString(), "rateLimit", rate, "dailyQuota",
                        quota, "origin", origin.name()));
        return grant;
    }

    /** A revoked grant is noted in the timeline of the application it answers, in the revoking transaction. */
    @EventListener
    void grantRevoked(GrantRevoked event) {
        grants.find(event.grantId()).ifPresent(grant -> timeline.record(grant.applicationId(),
                Timeline.Type.GRANT_REVOKED, null, new By(grant.revokedBy(), grant.revokedByDepartmentId()),
                grant.id(), Map.of("reason", grant.revokeReason())));
    }

    // --- conditional data: drafts, materials, submission (SHR-2, SHR-3) --------------------------------------

    /** Drafts an application for a conditional entry; its materials are attached next, then it is submitted. */
    @Transactional
    Application draft(Actor actor, ApplicationForm applied) {
        SharePermissions.requireApplicant(actor);
        ApplicationForm form = asApplied(actor, applied);
        PublishedEntry entry = entryFor(actor, form.entryId());
        requireType(entry, ShareType.CONDITIONAL);
        Checked checked = check(actor, form, Kind.APPLICATION, entry);
        long id = insert(actor, appliedBy(actor, form), entry, checked, Status.DRAFT,
                entry.content().applicantMaterials(), null, ShareClock.now());
        audit.record(AuditEvent.success(ShareAuditAction.APPLICATION_CREATE, "share-application", id, entry.resourceCode()));
        return load(id);
    }

    /** Replaces the content of a draft (the entry stays). */
    @Transactional
    Application update(Actor actor, long id, ApplicationForm form) {
        Application application = applicantsOwn(actor, id);
        requireStatus(application, "update", Status.DRAFT);
        PublishedEntry entry = catalog.byId(application.entryId())
                .orElseThrow(() -> new DomainException(ProblemCode.CONFLICT, "the catalog entry is no longer published"));
        requireType(entry, ShareType.CONDITIONAL);
        Checked checked = check(actor, form, Kind.APPLICATION, entry);
        jdbc.sql("""
                update share_application set purpose = ?, use_scenario = ?, legal_duty = ?, requested_scope = ?,
                    entry_version = ?, materials = ?, updated_at = ? where id = ? and status = 'DRAFT'""")
                .params(checked.purpose(), checked.useScenario(), checked.legalDuty(),
                        json.writeValueAsString(checked.scope()), entry.version(),
                        json.writeValueAsString(entry.content().applicantMaterials()), ShareClock.now(), id)
                .update();
        audit.record(AuditEvent.success(ShareAuditAction.APPLICATION_UPDATE, "share-application", id, entry.resourceCode()));
        return load(id);
    }

    /**
     * Submits a draft: every material the entry asks for must be attached (CAT-8, AB26); the application goes to
     * the approver the profile names, with its reply deadline.
     */
    @Transactional
    Application submit(Actor actor, long id) {
        Application application = applicantsOwn(actor, id);
        requireStatus(application, "submit", Status.DRAFT);
        PublishedEntry entry = catalog.byId(application.entryId())
                .orElseThrow(() -> new DomainException(ProblemCode.CONFLICT, "the catalog entry is no longer published"));
        requireType(entry, ShareType.CONDITIONAL);
        List<Violation> violations = new ArrayList<>();
        List<String> entryItems = itemNames(entry);
        List<String> items = application.requested().items();
        for (int i = 0; i < items.size(); i++) {
            if (!entryItems.contains(items.get(i))) {
                violations.add(Violation.of("items[" + i + "]", ProblemCode.UNKNOWN_DATA_ITEM, items.get(i)));
            }
        }
        List<Material> materials = application.materials();
        for (int i = 0; i < materials.size(); i++) {
            if (materials.get(i).attachments() == 0) {
                violations.add(Violation.of("materials[" + i + "]", ProblemCode.MATERIAL_MISSING,
                        materials.get(i).name()));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_APPLICATION_INVALID, violations, violations.size());
        }
        Long authority = directory.region(application.regionId()).map(Directory.RegionInfo::authorityDepartmentId)
                .orElse(null);
        List<Stage> stages = ApprovalRoute.stages(policy.profile().shareApplication().approver(),
                authority != null && entry.departmentId() == authority);
        OffsetDateTime now = ShareClock.now();
        LocalDate due = ReplyDeadline.due(calendar, policy.profile().shareApplication().replyWorkingDays(),
                now.toInstant());
        int changed = jdbc.sql("""
                update share_application set status = 'PENDING', stages = ?, stage = ?, stage_started_at = ?, due_on = ?,
                    submitted_at = ?, updated_at = ?, approved_scope = requested_scope where id = ? and status = 'DRAFT'""")
                .params(stages.stream().map(Enum::name).reduce((a, b) -> a + "," + b).orElseThrow(),
                        stages.getFirst().name(), now, due, now, now, id)
                .update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.APPLICATION_STATE, statusLabel(load(id).status()),
                    ShareLabels.of("action.submit"));
        }
        timeline.record(id, Timeline.Type.SUBMITTED, null, by(actor), null,
                Map.of("shareType", ShareType.CONDITIONAL.name(), "attachments",
                        materials.stream().mapToInt(Material::attachments).sum()));
        routed(id, application.regionId(), application.providerDepartmentId(), stages.getFirst(), due, By.PLATFORM);
        audit.record(AuditEvent.success(ShareAuditAction.APPLICATION_SUBMIT, "share-application", id,
                entry.resourceCode() + " to " + stages + (due == null ? "" : ", due " + due)));
        return load(id);
    }

    /** Withdraws a draft, a pending application or one under coordination (the applicant's data user). */
    @Transactional
    Application withdraw(Actor actor, long id) {
        Application application = applicantsOwn(actor, id);
        requireStatus(application, "withdraw", Status.DRAFT, Status.PENDING, Status.COORDINATION);
        int changed = jdbc.sql("update share_application set status = 'WITHDRAWN', stage = null, updated_at = ? "
                + "where id = ? and status = ?").params(ShareClock.now(), id, application.status().name()).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.APPLICATION_STATE, statusLabel(load(id).status()),
                    ShareLabels.of("action.withdraw"));
        }
        if (application.status() != Status.DRAFT) {
            timeline.record(id, Timeline.Type.WITHDRAWN, application.stage(), by(actor), null, Map.of());
        }
        audit.record(AuditEvent.success(ShareAuditAction.APPLICATION_WITHDRAW, "share-application", id,
                application.resourceCode()));
        return load(id);
    }

    /**
     * Renewal of a grant: a new draft application pre-filled from the grant, for the period that follows it
     * and as long; the applicant changes what it needs, attaches the materials and submits.
     */
    @Transactional
    Application renew(Actor actor, long grantId) {
        Grant grant = grants.get(actor, grantId);
        SharePermissions.requireRenews(actor, grant.parties());
        PublishedEntry entry = entryFor(actor, grant.entryId());
        requireType(entry, ShareType.CONDITIONAL);
        List<String> entryItems = itemNames(entry);
        LocalDate today = calendar.today();
        LocalDate from = grant.validUntil() == null || grant.validUntil().isBefore(today) ? today
                : grant.validUntil().plusDays(1);
        long days = grant.validUntil() == null ? 365 : ChronoUnit.DAYS.between(grant.validFrom(), grant.validUntil());
        List<String> items = grant.items().stream().filter(entryItems::contains).toList();
        RowFilter rowFilter = new RowFilter(grant.rowFilter().conditions().stream()
                .filter(c -> items.contains(c.item())).toList());
        List<Long> stillConnected = grant.systems().stream().filter(s -> applicantSystem(actor, s)).toList();
        Scope scope = new Scope(items, rowFilter, from, from.plusDays(days), grant.ways(), stillConnected, null, null);
        Checked checked = new Checked(grant.purpose(), grant.useScenario(), grant.legalDuty(), null, scope, List.of());
        long id = insert(actor, actor.name(), entry, checked, Status.DRAFT, entry.content().applicantMaterials(),
                grantId, ShareClock.now());
        timeline.record(grant.applicationId(), Timeline.Type.RENEWAL_STARTED, null, by(actor), grantId,
                Map.of("applicationId", id));
        audit.record(new AuditEvent(ShareAuditAction.GRANT_RENEW, "share-application", Long.toString(id),
                AuditOutcome.SUCCESS, "renewal of grant " + grantId, grant.purpose(),
                Long.toString(grantId)));
        return load(id);
    }

    // --- reading ----------------------------------------------------------------------------------------------

    Application get(Actor actor, long id) {
        return visible(actor, id);
    }

    List<Timeline.Event> timeline(Actor actor, long id) {
        visible(actor, id);
        return timeline.of(id);
    }

    /**
     * The applications of one side: the caller's department's own (APPLICANT), those for its entries (PROVIDER,
     * drafts excluded), or the region's (AUTHORITY, its share approver only); optionally of one status.
     */
    List<Application> list(Actor actor, String side, String status) {
        Side wanted = EnumParameter.parse(Side.class, side == null || side.isBlank() ? "APPLICANT" : side, "side");
        Status state = status == null || status.isBlank() ? null : EnumParameter.parse(Status.class, status, "status");
        List<Object> params = new ArrayList<>();
        if (SharePermissions.peerPlatform(actor)) {
            // another platform's link lists what it applied for, never the data authority's other applications
            wanted = Side.APPLICANT;
        }
        String where = switch (wanted) {
            case APPLICANT -> {
                params.add(actor.departmentId());
                if (SharePermissions.peerPlatform(actor)) {
                    params.add(Actor.Kind.SYSTEM.name());
                    params.add(actor.id());
                    yield " where applicant_department_id = ? and applicant_kind = ? and applicant_id = ?";
                }
                yield " where applicant_department_id = ?";
            }
            case PROVIDER -> {
                params.add(actor.departmentId());
                yield " where provider_department_id = ? and status <> 'DRAFT'";
            }
            case AUTHORITY -> {
                SharePermissions.requireOverseesRegion(actor);
                params.add(actor.regionId());
                yield " where region_id = ? and status <> 'DRAFT'";
            }
        };
        if (state != null) {
            where += " and status = ?";
            params.add(state.name());
        }
        return query(where + " order by id desc", params);
    }

    /**
     * What waits for the caller's decision, earliest due first: pending applications at the provider stage for
     * the provider's share approver, at the authority stage and under coordination for the authority's. Each
     * says whether it is due soon (reminded) or overdue.
     */
    List<Application> inbox(Actor actor) {
        SharePermissions.requireShareApprover(actor);
        List<Application> waiting = new ArrayList<>();
        if (SharePermissions.decidesForOwnDepartment(actor)) {
            waiting.addAll(query(" where provider_department_id = ? and status = 'PENDING' and stage = 'PROVIDER'",
                    List.of(actor.departmentId())));
        }
        if (SharePermissions.decidesForOwnRegion(actor)) {
            waiting.addAll(query(" where region_id = ? and stage = 'AUTHORITY' and status in ('PENDING', 'COORDINATION')",
                    List.of(actor.regionId())));
        }
        waiting.sort(Comparator.comparing(Application::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Application::id));
        return waiting;
    }

    /** Pending applications past their reply deadline in the region, for the authority's share approver. */
    List<Application> overdue(Actor actor) {
        SharePermissions.requireOverseesRegion(actor);
        return query(" where region_id = ? and status = 'PENDING' and due_on < ? order by due_on, id",
                List.of(actor.regionId(), calendar.today()));
    }

    // --- shared with decisions, attachments and the catalog view ----------------------------------------------

    /** The application if the caller is a party to it, else 404 (another department's things are not revealed). */
    Application visible(Actor actor, long id) {
        return find(id).filter(application -> SharePermissions.seesApplication(actor, application.parties(),
                application.status() == Status.DRAFT))
                .filter(application -> !SharePermissions.peerPlatform(actor) || madeBy(actor, id))
                .orElseThrow(() -> DomainException.notFound("share application", id));
    }

    /** Another platform's link sees only what it applied for, not the rest of the data authority's applications. */
    private boolean madeBy(Actor actor, long id) {
        return jdbc.sql("select count(*) from share_application where id = ? and applicant_kind = ? and applicant_id = ?")
                .params(id, Actor.Kind.SYSTEM.name(), actor.id()).query(Long.class).single() > 0;
    }

    /** The application, which the caller's department made and the caller (a data user) may act on. */
    Application applicantsOwn(Actor actor, long id) {
        Application application = visible(actor, id);
        SharePermissions.requireActsForApplicant(actor, application.parties());
        return application;
    }

    /** The applications a department has open (drafts, pending, under coordination) for some entries. */
    List<Application> open(long applicantDepartmentId, List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(applicantDepartmentId);
        params.addAll(entryIds);
        return query(" where applicant_department_id = ? and status in ('DRAFT', 'PENDING', 'COORDINATION') "
                + "and entry_id in (" + String.join(", ", java.util.Collections.nCopies(entryIds.size(), "?"))
                + ") order by id desc", params);
    }

    static void requireStatus(Application application, String action, Status... allowed) {
        if (!Arrays.asList(allowed).contains(application.status())) {
            if ((application.status() == Status.APPROVED || application.status() == Status.REFUSED)
                    && action.equals("decide")) {
                throw new DomainException(ProblemCode.ALREADY_DECIDED, statusLabel(application.status()));
            }
            throw new DomainException(ProblemCode.APPLICATION_STATE, statusLabel(application.status()),
                    ShareLabels.of("action." + action));
        }
    }

    static Object statusLabel(Status status) {
        return ShareLabels.of("status." + status.name());
    }

    /** A published entry of the caller's region (others are not visible: 404). */
    PublishedEntry entryFor(Actor actor, Long entryId) {
        if (entryId == null) {
            throw new DomainException(ProblemCode.SHARE_APPLICATION_INVALID,
                    List.of(Violation.of("entryId", ProblemCode.FIELD_REQUIRED, FieldName.of("entryId"))), 1);
        }
        PublishedEntry entry = catalog.byId(entryId).filter(e -> e.regionId() == actor.regionId())
                .orElseThrow(() -> DomainException.notFound("catalog entry", entryId));
        if (entry.departmentId() == actor.departmentId()) {
            throw new DomainException(ProblemCode.OWN_DEPARTMENT_ENTRY);
        }
        return entry;
    }

    /** The entry must be of the share type the request is for; a not-shared one goes to coordination. */
    void requireType(PublishedEntry entry, ShareType expected) {
        ShareType type = entry.content().shareType();
        if (type == expected) {
            return;
        }
        LocalizedText name = typeName(type);
        if (type == ShareType.NOT_SHARED) {
            throw new DomainException(ProblemCode.NOT_SHARED_NEEDS_COORDINATION, entry.resourceCode(), name);
        }
        String hint = switch (type) {
            case CONDITIONAL -> "mismatch.apply";
            case UNCONDITIONAL -> "mismatch.request";
            default -> "mismatch.coordinate";
        };
        if (expected == ShareType.NOT_SHARED) {
            hint = "mismatch.coordinate";
        }
        throw new DomainException(ProblemCode.SHARE_TYPE_MISMATCH, entry.resourceCode(), name, ShareLabels.of(hint));
    }

    LocalizedText typeName(ShareType type) {
        var text = policy.profile().shareTypes().get(type);
        return new LocalizedText(text.zh(), text.en());
    }

    Checked check(Actor actor, ApplicationForm form, Kind kind, PublishedEntry entry) {
        Checked checked = ShareRules.applicationStatesPurposeScopeAndPeriod(form, kind, itemNames(entry),
                calendar.today(), system -> applicantSystem(actor, system));
        if (!checked.violations().isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_APPLICATION_INVALID, checked.violations(),
                    checked.violations().size());
        }
        requireGradeAllows(entry, kind, checked.scope().ways());
        return checked;
    }

    /**
     * Refuses, before anything is stored, a request or application for a way of use the entry's grade never allows
     * (SEC-4): unconditional data of a grade that may not be shared so, exchange or push of core data. Checked again at
     * every use ({@code ShareGrants}), so a grade raised later holds as well.
     */
    private static void requireGradeAllows(PublishedEntry entry, Kind kind, List<WayOfUse> ways) {
        DataGrade grade = entry.content().grade();
        boolean approved = kind != Kind.REQUEST;
        List<GradeRules.Use> uses = new ArrayList<>();
        if (!approved) {
            uses.add(GradeRules.Use.UNCONDITIONAL_SHARE);
        }
        if (ways.contains(WayOfUse.EXCHANGE)) {
            uses.add(GradeRules.Use.BULK_EXPORT);
        }
        if (ways.contains(WayOfUse.SUBSCRIPTION)) {
            uses.add(GradeRules.Use.PUSH);
        }
        for (GradeRules.Use use : uses) {
            GradeRules.refusal(grade, use, approved).ifPresent(why -> {
                throw new DomainException(ProblemCode.GRADE_REFUSES_USE, entry.resourceCode(), why);
            });
        }
    }

    private boolean applicantSystem(Actor actor, long systemId) {
        return systems.actor(systemId).filter(s -> s.departmentId() == actor.departmentId()).isPresent();
    }

    static List<String> itemNames(PublishedEntry entry) {
        return entry.content().dataItems().stream().map(DataItem::name).toList();
    }

    /** The data authority department of a region (the approver at the authority stage). */
    long authorityOf(long regionId) {
        Long authority = directory.region(regionId).map(Directory.RegionInfo::authorityDepartmentId).orElse(null);
        if (authority == null) {
            throw new DomainException(ProblemCode.CONFLICT, "the region has no data authority");
        }
        return authority;
    }

    /** Records that an application reached its approver, and by when it must answer. */
    void routed(long id, long regionId, long providerDepartmentId, Stage stage, LocalDate due, By by) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("approverDepartmentId", stage == Stage.PROVIDER ? providerDepartmentId : authorityOf(regionId));
        detail.put("dueOn", due == null ? null : due.toString());
        detail.put("replyWorkingDays", policy.profile().shareApplication().replyWorkingDays());
        timeline.record(id, Timeline.Type.ROUTED, stage, by, null, detail);
        // the approvers it now waits for find it in their inbox
        long approverDepartmentId = (Long) detail.get("approverDepartmentId");
        Application application = load(id);
        events.publishEvent(new NoticeRaised("share-routed:" + id + ":" + stage, "share.approval",
                "共享申请待审批：" + application.applicantDepartmentName() + "申请“" + application.entryName() + "”",
                due == null ? null : "请于" + due + "前答复。", "/share/applications/" + id, approverDepartmentId,
                List.of(Addressee.role(approverDepartmentId, Role.SHARE_APPROVER))));
    }

    static By by(Actor actor) {
        return new By(actor.name(), actor.departmentId());
    }

    /**
     * The form as this platform takes it: from another platform's link (SHR-10) it must say on whose behalf, and the
     * link is the one system that will use the data; from anyone else it must not.
     */
    ApplicationForm asApplied(Actor actor, ApplicationForm form) {
        if (!SharePermissions.peerPlatform(actor)) {
            if (form.onBehalfOf() != null) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("onBehalfOf"),
                        ShareLabels.of("onBehalfOf.peerOnly"));
            }
            return form;
        }
        String onBehalfOf = form.onBehalfOf() == null ? "" : form.onBehalfOf().strip();
        if (onBehalfOf.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("onBehalfOf"));
        }
        if (onBehalfOf.length() > 200 || onBehalfOf.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("onBehalfOf"),
                    ShareLabels.of("onBehalfOf.text"));
        }
        return form.forPeer(actor.id());
    }

    /** Who applied, as both sides read it: the person, or for another platform whom that platform names. */
    static String appliedBy(Actor actor, ApplicationForm form) {
        return form.onBehalfOf() == null ? actor.name() : form.onBehalfOf().strip();
    }

    long insert(Actor actor, String appliedBy, PublishedEntry entry, Checked checked, Status status,
            List<String> materials, Long renewalOf, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into share_application (region_id, entry_id, entry_version, resource_code, entry_name, share_type,
                    provider_department_id, applicant_department_id, applicant_kind, applicant_id, applied_by, purpose,
                    use_scenario, legal_duty, requested_scope, materials, status, renewal_of_grant_id, negotiation,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.regionId(), entry.id(), entry.version(), entry.resourceCode(), entry.content().name(),
                        entry.content().shareType().name(), entry.departmentId(), actor.departmentId(),
                        actor.kind().name(), actor.id(), appliedBy, checked.purpose(), checked.useScenario(),
                        checked.legalDuty(), json.writeValueAsString(checked.scope()),
                        json.writeValueAsString(materials), status.name(), renewalOf, checked.negotiation(), now, now)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    String scopeJson(Scope scope) {
        return json.writeValueAsString(scope);
    }

    Application load(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("share application", id));
    }

    java.util.Optional<Application> find(long id) {
        return query(" where id = ?", List.of(id)).stream().findFirst();
    }

    List<Application> query(String where, List<?> params) {
        List<Raw> rows = jdbc.sql("select * from share_application" + where).params(List.copyOf(params))
                .query(ShareApplications::raw).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Raw::id).toList();
        String in = " in (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, Map<String, Integer>> attachments = new HashMap<>();
        jdbc.sql("select application_id, material, count(*) from share_attachment where application_id" + in
                + " group by application_id, material").params(List.copyOf(ids))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> attachments
                        .computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3)));
        Map<Long, List<Long>> grantIds = grants.idsByApplication(ids);
        LocalDate today = calendar.today();
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> application(r, attachments.getOrDefault(r.id(), Map.of()),
                grantIds.getOrDefault(r.id(), List.of()), today, names)).toList();
    }

    /** A row as stored, before the attachment counts and grants are joined in. */
    private record Raw(long id, long regionId, String shareType, String status, String stages, String stage,
            long entryId, int entryVersion, String resourceCode, String entryName, long provider, long applicant,
            String appliedBy, String purpose, String useScenario, String legalDuty, String requestedScope,
            String approvedScope, String materials, LocalDate dueOn, OffsetDateTime remindedAt,
            OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy,
            String refusalReason, String basisKind, String basisTitle, String basisArticle, String negotiation,
            OffsetDateTime coordinationRequestedAt, boolean coordinated, Long renewalOf) {
    }

    private static Raw raw(ResultSet rs, int n) throws SQLException {
        return new Raw(rs.getLong("id"), rs.getLong("region_id"), rs.getString("share_type"), rs.getString("status"),
                rs.getString("stages"), rs.getString("stage"), rs.getLong("entry_id"), rs.getInt("entry_version"),
                rs.getString("resource_code"), rs.getString("entry_name"), rs.getLong("provider_department_id"),
                rs.getLong("applicant_department_id"), rs.getString("applied_by"), rs.getString("purpose"),
                rs.getString("use_scenario"), rs.getString("legal_duty"), rs.getString("requested_scope"),
                rs.getString("approved_scope"), rs.getString("materials"), rs.getObject("due_on", LocalDate.class),
                rs.getObject("reminded_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"), rs.getString("refusal_reason"), rs.getString("refusal_basis_kind"),
                rs.getString("refusal_basis_title"), rs.getString("refusal_basis_article"), rs.getString("negotiation"),
                rs.getObject("coordination_requested_at", OffsetDateTime.class), rs.getBoolean("coordinated"),
                rs.getObject("renewal_of_grant_id", Long.class));
    }

    private Application application(Raw r, Map<String, Integer> attached, List<Long> grantIds, LocalDate today,
            Map<Long, String> names) {
        Status status = Status.valueOf(r.status());
        boolean waiting = status == Status.PENDING;
        List<String> materialNames = json.readValue(r.materials(), new TypeReference<List<String>>() {
        });
        List<Material> materials = materialNames.stream().map(m -> new Material(m, attached.getOrDefault(m, 0)))
                .toList();
        Refusal refusal = r.refusalReason() == null ? null
                : new Refusal(r.refusalReason(), new LegalBasis(
                        r.basisKind() == null ? null : LegalBasis.Kind.valueOf(r.basisKind()), r.basisTitle(),
                        r.basisArticle()));
        return new Application(r.id(), r.regionId(), ShareType.valueOf(r.shareType()), status,
                r.stages() == null ? List.of() : Arrays.stream(r.stages().split(",")).map(Stage::valueOf).toList(),
                r.stage() == null ? null : Stage.valueOf(r.stage()), r.entryId(), r.entryVersion(), r.resourceCode(),
                r.entryName(), r.provider(), name(r.provider(), names), r.applicant(), name(r.applicant(), names),
                r.appliedBy(), r.purpose(), r.useScenario(), r.legalDuty(),
                json.readValue(r.requestedScope(), Scope.class),
                r.approvedScope() == null ? null : json.readValue(r.approvedScope(), Scope.class), materials,
                r.dueOn(), waiting && Deadlines.dueSoon(calendar, r.dueOn(), today, settings.dueSoonWorkingDays()),
                waiting && Deadlines.overdue(r.dueOn(), today), r.remindedAt(), r.createdAt(), r.submittedAt(),
                r.decidedAt(), r.decidedBy(), refusal, r.negotiation(), r.coordinationRequestedAt(), r.coordinated(),
                r.renewalOf(), grantIds);
    }

    private String name(long department, Map<Long, String> names) {
        return names.computeIfAbsent(department, d -> directory.department(d).map(DepartmentInfo::name).orElse(null));
    }
}

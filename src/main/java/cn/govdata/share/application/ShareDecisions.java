package cn.govdata.share.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.application.ShareApplications.Application;
import cn.govdata.share.application.ShareApplications.Status;
import cn.govdata.share.application.ShareForms.ApplicationForm;
import cn.govdata.share.application.ShareForms.Approval;
import cn.govdata.share.application.ShareForms.CoordinationDecision;
import cn.govdata.share.application.ShareForms.Refusal;
import cn.govdata.share.application.ShareRules.Checked;
import cn.govdata.share.application.ShareRules.Kind;
import cn.govdata.share.application.ShareRules.Narrowed;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.ShareClock;
import cn.govdata.share.common.ShareLabels;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.common.ShareSettings;
import cn.govdata.share.common.Stage;
import cn.govdata.share.common.StatedText;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.signature.DecisionSignatures;
import cn.govdata.share.signature.DecisionSignatures.Decision;
import cn.govdata.share.signature.DecisionSignatures.SignedDecision;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * Decisions on share applications: approval (possibly narrowed) or refusal by the approver whose turn it is
 * (SHR-2), refusal only with a legal basis (SHR-4), and the authority's coordination of refused and
 * not-shared data (NX11). Each decision is audited and written to the application's timeline.
 */
@Service
class ShareDecisions {

    private final JdbcClient jdbc;
    private final ShareApplications applications;
    private final PublishedCatalog catalog;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ShareSettings settings;
    private final DecisionSignatures signatures;

    ShareDecisions(JdbcClient jdbc, ShareApplications applications, PublishedCatalog catalog, ActivePolicy policy,
            WorkingDayCalendar calendar, Timeline timeline, AuditLog audit, ShareSettings settings,
            DecisionSignatures signatures) {
        this.signatures = signatures;
        this.jdbc = jdbc;
        this.applications = applications;
        this.catalog = catalog;
        this.policy = policy;
        this.calendar = calendar;
        this.timeline = timeline;
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * Approves at the current stage, within what was applied for (fewer items, a narrower row filter, a shorter
     * period, fewer ways of use or systems) and with the grant's limits. With a further stage the application
     * goes on to it with a new deadline; at the last stage the grant is issued.
     */
    @Transactional
    Application approve(Actor actor, long id, Approval approval) {
        Application application = applications.visible(actor, id);
        ShareApplications.requireStatus(application, "decide", Status.PENDING);
        Stage stage = application.stage();
        SharePermissions.requireDecides(actor, application.parties(), stage);
        PublishedEntry entry = publishedEntry(application);
        Narrowed decided = ShareRules.approvalOnlyNarrows(application.approved(),
                approval == null ? Approval.AS_APPLIED : approval, ShareApplications.itemNames(entry),
                settings.defaultRateLimit(), settings.defaultDailyQuota());
        if (!decided.violations().isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_DECISION_INVALID, decided.violations(),
                    decided.violations().size());
        }
        Scope scope = decided.scope();
        OffsetDateTime now = ShareClock.now();
        Stage next = ApprovalRoute.next(application.stages(), stage);
        String scopeJson = json(scope);
        int changed;
        LocalDate due = null;
        if (next != null) {
            due = ReplyDeadline.due(calendar, policy.profile().shareApplication().replyWorkingDays(), now.toInstant());
            changed = jdbc.sql("""
                    update share_application set approved_scope = ?, stage = ?, stage_started_at = ?, due_on = ?,
                        reminded_at = null, overdue_noted_at = null, updated_at = ?
                    where id = ? and status = 'PENDING' and stage = ?""")
                    .params(scopeJson, next.name(), now, due, now, id, stage.name()).update();
        } else {
            changed = jdbc.sql("""
                    update share_application set approved_scope = ?, status = 'APPROVED', stage = null, decided_at = ?,
                        decided_by = ?, decided_by_department_id = ?, updated_at = ?
                    where id = ? and status = 'PENDING' and stage = ?""")
                    .params(scopeJson, now, actor.name(), actor.departmentId(), now, id, stage.name()).update();
        }
        if (changed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED,
                    ShareApplications.statusLabel(applications.load(id).status()));
        }
        timeline.record(id, decided.narrowed() ? Timeline.Type.NARROWED : Timeline.Type.APPROVED, stage,
                ShareApplications.by(actor), null, changes(application.approved(), scope,
                        approval == null ? null : approval.comment()));
        audit.record(AuditEvent.success(ShareAuditAction.APPLICATION_APPROVE, "share-application", id,
                application.resourceCode() + " at " + stage + (decided.narrowed() ? " narrowed" : "")
                        + (next == null ? "" : ", on to " + next)));
        sign(application, Decision.APPROVE, stage, scope, actor, now);
        if (next != null) {
            applications.routed(id, application.regionId(), application.providerDepartmentId(), next, due,
                    Timeline.By.PLATFORM);
        } else {
            applications.issueGrant(applications.load(id), scope, Grants.Origin.APPROVAL, actor);
        }
        return applications.load(id);
    }

    /** Refuses at the current stage: a reason and the legal basis are required (SHR-4: YT19, AB23, NX11). */
    @Transactional
    Application refuse(Actor actor, long id, Refusal refusal) {
        Application application = applications.visible(actor, id);
        ShareApplications.requireStatus(application, "decide", Status.PENDING);
        Stage stage = application.stage();
        SharePermissions.requireDecides(actor, application.parties(), stage);
        requireValid(ShareRules.refusalStatesReasonAndLegalBasis(refusal));
        LegalBasis basis = refusal.basis();
        OffsetDateTime now = ShareClock.now();
        int changed = jdbc.sql("""
                update share_application set status = 'REFUSED', stage = null, decided_at = ?, decided_by = ?,
                    decided_by_department_id = ?, refusal_reason = ?, refusal_basis_kind = ?, refusal_basis_title = ?,
                    refusal_basis_article = ?, updated_at = ?
                where id = ? and status = 'PENDING' and stage = ?""")
                .params(now, actor.name(), actor.departmentId(), refusal.reason().strip(), basis.kind().name(),
                        basis.title().strip(), basis.article().strip(), now, id, stage.name())
                .update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED,
                    ShareApplications.statusLabel(applications.load(id).status()));
        }
        timeline.record(id, Timeline.Type.REFUSED, stage, ShareApplications.by(actor), null, refusalDetail(refusal));
        sign(application, Decision.REFUSE, stage, refusalDetail(refusal), actor, now);
        audit.record(AuditEvent.success(ShareAuditAction.APPLICATION_REFUSE, "share-application", id,
                application.resourceCode() + " at " + stage + ": " + refusal.reason().strip() + " [" + cite(basis) + "]"));
        return applications.load(id);
    }

    // --- coordination (NX11) ----------------------------------------------------------------------------------

    /**
     * A refused application that the department still needs for its duties goes to the authority's
     * coordination, after negotiating with the provider (NX11); once only.
     */
    @Transactional
    Application requestCoordination(Actor actor, long id, String negotiation) {
        Application application = applications.applicantsOwn(actor, id);
        if (application.status() != Status.REFUSED || application.coordinated()) {
            throw new DomainException(ProblemCode.APPLICATION_STATE,
                    ShareApplications.statusLabel(application.status()),
                    ShareLabels.of("action.request-coordination"));
        }
        List<Violation> violations = new ArrayList<>();
        String text = StatedText.of(negotiation, "negotiation", ShareRules.NEGOTIATION_MAX, true, violations);
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_APPLICATION_INVALID, violations, violations.size());
        }
        applications.authorityOf(application.regionId());
        OffsetDateTime now = ShareClock.now();
        int changed = jdbc.sql("""
                update share_application set status = 'COORDINATION', stage = 'AUTHORITY', stage_started_at = ?,
                    due_on = null, reminded_at = null, overdue_noted_at = null, negotiation = ?,
                    coordination_requested_at = ?, updated_at = ?
                where id = ? and status = 'REFUSED' and not coordinated""")
                .params(now, text, now, now, id).update();
        if (changed == 0) {
            throw new DomainException(ProblemCode.APPLICATION_STATE,
                    ShareApplications.statusLabel(applications.load(id).status()),
                    ShareLabels.of("action.request-coordination"));
        }
        timeline.record(id, Timeline.Type.COORDINATION_REQUESTED, Stage.AUTHORITY, ShareApplications.by(actor), null,
                Map.of("negotiation", text));
        audit.record(AuditEvent.success(ShareAuditAction.COORDINATION_REQUEST, "share-application", id,
                application.resourceCode() + " after refusal"));
        return applications.load(id);
    }

    /**
     * Not-shared data a department needs for its duties cannot be applied for; after negotiating with the
     * provider, the department asks the authority to coordinate (NX11), stating what it would need as in an
     * application.
     */
    @Transactional
    Application coordinateNotShared(Actor actor, ApplicationForm form) {
        SharePermissions.requireApplicant(actor);
        PublishedEntry entry = applications.entryFor(actor, form.entryId());
        applications.requireType(entry, ShareType.NOT_SHARED);
        Checked checked = applications.check(actor, form, Kind.COORDINATION, entry);
        applications.authorityOf(entry.regionId());
        OffsetDateTime now = ShareClock.now();
        long id = applications.insert(actor, actor.name(), entry, checked, Status.COORDINATION, List.of(), null, now);
        jdbc.sql("""
                update share_application set stages = 'AUTHORITY', stage = 'AUTHORITY', stage_started_at = ?,
                    submitted_at = ?, coordination_requested_at = ?, approved_scope = requested_scope where id = ?""")
                .params(now, now, now, id).update();
        timeline.record(id, Timeline.Type.SUBMITTED, null, ShareApplications.by(actor), null,
                Map.of("shareType", ShareType.NOT_SHARED.name()));
        timeline.record(id, Timeline.Type.COORDINATION_REQUESTED, Stage.AUTHORITY, ShareApplications.by(actor), null,
                Map.of("negotiation", checked.negotiation()));
        audit.record(AuditEvent.success(ShareAuditAction.COORDINATION_REQUEST, "share-application", id,
                entry.resourceCode() + " not shared"));
        return applications.load(id);
    }

    /** The authority records the negotiation between the departments (meetings, positions, agreements). */
    @Transactional
    Application note(Actor actor, long id, String note) {
        Application application = underCoordination(actor, id);
        List<Violation> violations = new ArrayList<>();
        String text = StatedText.of(note, "note", ShareRules.NEGOTIATION_MAX, true, violations);
        requireValid(violations);
        timeline.record(id, Timeline.Type.COORDINATION_NOTE, Stage.AUTHORITY, ShareApplications.by(actor), null,
                Map.of("note", text));
        audit.record(AuditEvent.success(ShareAuditAction.COORDINATION_NOTE, "share-application", id,
                application.resourceCode()));
        return applications.load(id);
    }

    /**
     * The authority's coordination decision: GRANT issues a grant within what was applied for (it may narrow),
     * REFUSE closes the matter with a reason and its legal basis (SHR-4).
     */
    @Transactional
    Application decideCoordination(Actor actor, long id, CoordinationDecision decision) {
        Application application = underCoordination(actor, id);
        SharePermissions.requireNotApplicant(actor, application.parties());
        String outcome = decision == null || decision.outcome() == null ? "" : decision.outcome().strip();
        OffsetDateTime now = ShareClock.now();
        if (outcome.equalsIgnoreCase("REFUSE")) {
            Refusal refusal = new Refusal(decision.reason(), decision.basis());
            requireValid(ShareRules.refusalStatesReasonAndLegalBasis(refusal));
            LegalBasis basis = refusal.basis();
            int changed = jdbc.sql("""
                    update share_application set status = 'REFUSED', stage = null, coordinated = true, decided_at = ?,
                        decided_by = ?, decided_by_department_id = ?, refusal_reason = ?, refusal_basis_kind = ?,
                        refusal_basis_title = ?, refusal_basis_article = ?, updated_at = ?
                    where id = ? and status = 'COORDINATION'""")
                    .params(now, actor.name(), actor.departmentId(), refusal.reason().strip(), basis.kind().name(),
                            basis.title().strip(), basis.article().strip(), now, id)
                    .update();
            requireChanged(changed, id);
            Map<String, Object> detail = new LinkedHashMap<>(refusalDetail(refusal));
            detail.put("outcome", "REFUSE");
            timeline.record(id, Timeline.Type.COORDINATED, Stage.AUTHORITY, ShareApplications.by(actor), null, detail);
            sign(application, Decision.COORDINATION_REFUSE, Stage.AUTHORITY, refusalDetail(refusal), actor, now);
            audit.record(AuditEvent.success(ShareAuditAction.COORDINATION_REFUSE, "share-application", id,
                    application.resourceCode() + ": " + refusal.reason().strip() + " [" + cite(basis) + "]"));
            return applications.load(id);
        }
        if (!outcome.equalsIgnoreCase("GRANT")) {
            requireValid(List.of(outcome.isEmpty()
                    ? Violation.of("outcome", ProblemCode.FIELD_REQUIRED, FieldName.of("outcome"))
                    : Violation.of("outcome", ProblemCode.INVALID_VALUE, FieldName.of("outcome"), outcome)));
        }
        PublishedEntry entry = catalog.byId(application.entryId())
                .orElseThrow(() -> new DomainException(ProblemCode.CONFLICT, "the catalog entry is no longer published"));
        // the authority weighs the need as applied for, not the provider's narrowing before it refused
        Narrowed decided = ShareRules.approvalOnlyNarrows(application.requested(), decision.approval(),
                ShareApplications.itemNames(entry), settings.defaultRateLimit(), settings.defaultDailyQuota());
        requireValid(decided.violations());
        Scope scope = decided.scope();
        int changed = jdbc.sql("""
                update share_application set status = 'APPROVED', stage = null, coordinated = true, approved_scope = ?,
                    decided_at = ?, decided_by = ?, decided_by_department_id = ?, updated_at = ?
                where id = ? and status = 'COORDINATION'""")
                .params(json(scope), now, actor.name(), actor.departmentId(), now, id).update();
        requireChanged(changed, id);
        Map<String, Object> detail = changes(application.requested(), scope, decision.reason());
        detail.put("outcome", "GRANT");
        timeline.record(id, Timeline.Type.COORDINATED, Stage.AUTHORITY, ShareApplications.by(actor), null, detail);
        audit.record(AuditEvent.success(ShareAuditAction.COORDINATION_GRANT, "share-application", id,
                application.resourceCode() + (decided.narrowed() ? " narrowed" : "")));
        sign(application, Decision.COORDINATION_GRANT, Stage.AUTHORITY, scope, actor, now);
        applications.issueGrant(applications.load(id), scope, Grants.Origin.COORDINATION, actor);
        return applications.load(id);
    }

    // --- parts ------------------------------------------------------------------------------------------------

    /** Signs the decision on behalf of its approver, in the deciding transaction (SEC-7). */
    private void sign(Application application, Decision decision, Stage stage, Object scope, Actor actor,
            OffsetDateTime at) {
        signatures.sign(new SignedDecision(application.id(), null, decision, stage == null ? null : stage.name(), scope,
                actor.name(), actor.departmentId(), at, application.parties()));
    }

    private Application underCoordination(Actor actor, long id) {
        Application application = applications.visible(actor, id);
        SharePermissions.requireCoordinates(actor, application.parties());
        if (application.status() != Status.COORDINATION) {
            throw new DomainException(ProblemCode.APPLICATION_STATE,
                    ShareApplications.statusLabel(application.status()), ShareLabels.of("action.coordinate"));
        }
        return application;
    }

    private PublishedEntry publishedEntry(Application application) {
        return catalog.byId(application.entryId())
                .orElseThrow(() -> new DomainException(ProblemCode.CONFLICT, "the catalog entry is no longer published"));
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new DomainException(ProblemCode.SHARE_DECISION_INVALID, violations, violations.size());
        }
    }

    private void requireChanged(int changed, long id) {
        if (changed == 0) {
            throw new DomainException(ProblemCode.ALREADY_DECIDED,
                    ShareApplications.statusLabel(applications.load(id).status()));
        }
    }

    /** What a decision changed against what it was given, for the timeline. */
    private static Map<String, Object> changes(Scope before, Scope after, String comment) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("comment", comment == null || comment.isBlank() ? null : comment.strip());
        List<String> droppedItems = before.items().stream().filter(i -> !after.items().contains(i)).toList();
        if (!droppedItems.isEmpty()) {
            detail.put("itemsRemoved", droppedItems);
        }
        List<WayOfUse> droppedWays = before.ways().stream().filter(w -> !after.ways().contains(w)).toList();
        if (!droppedWays.isEmpty()) {
            detail.put("waysRemoved", droppedWays);
        }
        List<Long> droppedSystems = before.systems().stream().filter(s -> !after.systems().contains(s)).toList();
        if (!droppedSystems.isEmpty()) {
            detail.put("systemsRemoved", droppedSystems);
        }
        if (!after.rowFilter().equals(before.rowFilter())) {
            detail.put("rowFilter", after.rowFilter());
        }
        if (!java.util.Objects.equals(before.periodFrom(), after.periodFrom())
                || !java.util.Objects.equals(before.periodTo(), after.periodTo())) {
            detail.put("period", after.periodFrom() + " – " + (after.periodTo() == null ? "" : after.periodTo()));
        }
        detail.put("rateLimit", after.rateLimit());
        detail.put("dailyQuota", after.dailyQuota());
        return detail;
    }

    private static Map<String, Object> refusalDetail(Refusal refusal) {
        LegalBasis basis = refusal.basis();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", refusal.reason().strip());
        detail.put("basis", Map.of("kind", basis.kind().name(), "title", basis.title().strip(), "article",
                basis.article().strip()));
        return detail;
    }

    private static String cite(LegalBasis basis) {
        return basis.kind() + " " + basis.title().strip() + " " + basis.article().strip();
    }

    private String json(Scope scope) {
        return applications.scopeJson(scope);
    }
}

package cn.govdata.open.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.account.Notices;
import cn.govdata.open.account.PublicAccountKind;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.release.OpenAccess;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.org.Directory;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Applications for conditionally-open data (有条件开放, OPN-2, AB35 FZ16): a public account holder applies for a
 * dataset open on application with its purpose, use, scenario, security measures, the items wanted and the period;
 * who may apply is the region's profile's (FZ16: only domestic enterprises, universities and research institutes);
 * the providing department decides within the profile's working days (AB35: 15) — it approves, possibly with
 * conditions, fewer items or a shorter period, and the approval is the usage agreement that gives access through the
 * holder's API keys; or it refuses with reasons and legal basis. Every step is audited.
 */
@Service
class OpenApplications {

    /** What an applicant asks; {@code items} null or empty for all the released items. */
    record Submission(String dataset, OpenApplication.Use use, String purpose, String scenario,
            String securityMeasures, List<String> items, LocalDate until, boolean agreementAccepted) {
    }

    /** An approval: conditions, the items granted (null: those applied for), the last day of access (null: asked). */
    record Approval(String conditions, List<String> items, LocalDate accessUntil) {
    }

    private final OpenApplicationRecords records;
    private final OpenedDatasets datasets;
    private final DesensitisationGate gate;
    private final PublicAccounts accounts;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final ApplicationSettings settings;
    private final Directory directory;
    private final CompetitiveSelections selections;
    private final Notices notices;
    private final AuditLog audit;

    OpenApplications(OpenApplicationRecords records, OpenedDatasets datasets, DesensitisationGate gate,
            PublicAccounts accounts, ActivePolicy policy, WorkingDayCalendar calendar, ApplicationSettings settings,
            Directory directory, CompetitiveSelections selections, Notices notices, AuditLog audit) {
        this.records = records;
        this.datasets = datasets;
        this.gate = gate;
        this.accounts = accounts;
        this.policy = policy;
        this.calendar = calendar;
        this.settings = settings;
        this.directory = directory;
        this.selections = selections;
        this.notices = notices;
        this.audit = audit;
    }

    @Transactional
    OpenApplication apply(long accountId, Submission submission, String clientAddress) {
        PolicyProfile.OpenData openData = policy.profile().openData();
        if (openData == null || !openData.types().containsKey(OpenType.CONDITIONAL_OPEN)) {
            throw notAllowed("not-offered");
        }
        if (submission.dataset() == null || submission.dataset().isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.dataset"));
        }
        OpenedDataset dataset = datasets.visible(submission.dataset())
                .orElseThrow(() -> DomainException.notFound("open-dataset", submission.dataset()));
        if (dataset.openType() != OpenType.CONDITIONAL_OPEN) {
            throw notAllowed("not-conditional");
        }
        if (openData.applicants() == PolicyProfile.OpenApplicants.DOMESTIC_ENTERPRISES_UNIVERSITIES_RESEARCH
                && accounts.requester(accountId).map(r -> r.kind() == PublicAccountKind.CITIZEN).orElse(true)) {
            throw notAllowed("applicant");
        }
        if (submission.use() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.use"));
        }
        String purpose = FreeText.required(submission.purpose(), 2000, "purpose");
        String scenario = FreeText.required(submission.scenario(), 4000, "scenario");
        String measures = FreeText.required(submission.securityMeasures(), 4000, "securityMeasures");
        if (submission.until() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.until"));
        }
        LocalDate today = calendar.today();
        if (!submission.until().isAfter(today) || submission.until().isAfter(today.plusDays(settings.maxDays()))) {
            throw invalid("until", settings.maxDays());
        }
        List<String> items = items(dataset, submission.items(), "items");
        if (!submission.agreementAccepted()) {
            throw invalid("agreement");
        }
        if (records.ofAccount(accountId, dataset.id()).stream()
                .anyMatch(a -> a.status() == OpenApplication.Status.SUBMITTED)) {
            throw notAllowed("pending");
        }
        Instant now = Instant.now();
        LocalDate dueOn = openData.applicationReplyWorkingDays() == null ? null
                : calendar.dueAfter(now, openData.applicationReplyWorkingDays()).due();
        long id = records.insert(accountId, dataset.id(), dataset.departmentId(), dataset.regionId(), submission.use(),
                purpose, scenario, measures, items, submission.until(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                dueOn);
        audit.record(AuditEvent.success(OpenAuditAction.APPLICATION_SUBMIT, "open-application", id,
                dataset.packageId() + " " + submission.use().name()),
                new AuditActor(PublicAccounts.actorName(accountId), null, clientAddress));
        return records.find(id).orElseThrow();
    }

    /**
     * The decider approves: the approval is the usage agreement, and gives access until its last day. Commercial use
     * where the profile grants it by competitive selection (FZ17) is approved only for the selection's winner.
     */
    @Transactional
    OpenApplication approve(Actor actor, long id, Approval approval) {
        OpenApplication application = undecided(actor, id);
        if (selectionNeeded(application)
                && selections.of(id).map(s -> s.result() != CompetitiveSelection.Result.WON).orElse(true)) {
            throw invalid("selection");
        }
        OpenedDataset dataset = datasets.byId(application.datasetId()).orElseThrow();
        String conditions = FreeText.optional(approval.conditions(), 4000, "conditions");
        List<String> granted = application.items();
        if (approval.items() != null && !approval.items().isEmpty()) {
            granted = items(dataset, approval.items(), "granted-items");
            List<String> beyond = new ArrayList<>(granted);
            if (application.items() != null) {
                beyond.removeAll(application.items());
            } else {
                beyond.clear();
            }
            if (!beyond.isEmpty()) {
                throw invalid("granted-items", String.join("、", beyond));
            }
        }
        LocalDate until = approval.accessUntil() == null ? application.requestedUntil() : approval.accessUntil();
        if (until.isAfter(application.requestedUntil()) || !until.isAfter(calendar.today())) {
            throw invalid("access-until");
        }
        String agreement = agreement(application, dataset, departmentName(dataset.departmentId()), conditions, granted,
                until);
        records.approve(id, OffsetDateTime.now(ZoneOffset.UTC), actor.name(), conditions, granted, until, agreement);
        audit.record(AuditEvent.success(OpenAuditAction.APPLICATION_APPROVE, "open-application", id,
                dataset.packageId() + " until " + until + (granted == null ? "" : " items " + granted)));
        tell(application, Notices.Kind.APPLICATION_APPROVED);
        return records.find(id).orElseThrow();
    }

    /** The department refuses, with its reasons and the legal basis (不予同意的，应当说明理由). */
    @Transactional
    OpenApplication refuse(Actor actor, long id, String reasons, String legalBasis) {
        OpenApplication application = undecided(actor, id);
        String why = FreeText.optional(reasons, 4000, "reasons");
        if (why == null) {
            throw invalid("reasons");
        }
        String basis = FreeText.optional(legalBasis, 1000, "legalBasis");
        if (basis == null) {
            throw invalid("legal-basis");
        }
        records.refuse(id, OffsetDateTime.now(ZoneOffset.UTC), actor.name(), why, basis);
        audit.record(AuditEvent.success(OpenAuditAction.APPLICATION_REFUSE, "open-application", id, basis));
        tell(application, Notices.Kind.APPLICATION_REFUSED);
        return records.find(application.id()).orElseThrow();
    }

    /** What a competitive selection's result is recorded with. */
    record SelectionResult(String method, CompetitiveSelection.Result result, LocalDate decidedOn, String reference) {
    }

    /**
     * The authority records the result of the competitive selection for an application for commercial use (FZ17),
     * once, while the application waits; the winner's may then be approved, the others' only refused.
     */
    @Transactional
    CompetitiveSelection recordSelection(Actor actor, long id, SelectionResult selection) {
        OpenApplication application = records.find(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> DomainException.notFound("open-application", id));
        OpenAccess.requireSelectionRecorder(actor, application.regionId());
        application = records.lock(id);
        if (application.status() != OpenApplication.Status.SUBMITTED) {
            throw new DomainException(ProblemCode.OPEN_APPLICATION_STATE,
                    Labels.label("application.status." + application.status().name()));
        }
        if (!selectionNeeded(application)) {
            throw invalid("selection-not-needed");
        }
        if (selections.of(id).isPresent()) {
            throw invalid("selection-recorded");
        }
        String method = FreeText.required(selection.method(), 200, "selectionMethod");
        String reference = FreeText.required(selection.reference(), 200, "selectionReference");
        if (selection.result() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.selectionResult"));
        }
        if (selection.decidedOn() == null || selection.decidedOn().isAfter(calendar.today())) {
            throw invalid("selection-date");
        }
        CompetitiveSelection recorded = new CompetitiveSelection(id, method, selection.result(), selection.decidedOn(),
                reference, actor.name(), OffsetDateTime.now(ZoneOffset.UTC));
        selections.insert(recorded);
        audit.record(AuditEvent.success(OpenAuditAction.APPLICATION_SELECTION, "open-application", id,
                selection.result().name() + " " + method + " " + reference));
        tell(application, Notices.Kind.APPLICATION_SELECTION);
        return recorded;
    }

    /** The applicant reads of the decision on their account, unless the account was deleted meanwhile. */
    private void tell(OpenApplication application, Notices.Kind kind) {
        if (application.accountId() != null) {
            String title = datasets.byId(application.datasetId()).map(d -> d.content().name()).orElse("");
            notices.tellAboutApplication(application.accountId(), kind, application.id(), title);
        }
    }

    Optional<CompetitiveSelection> selection(long id) {
        return selections.of(id);
    }

    /** Whether the application is for commercial use where the profile grants it by competitive selection. */
    boolean selectionNeeded(OpenApplication application) {
        PolicyProfile.OpenData openData = policy.profile().openData();
        return application.use() == OpenApplication.Use.COMMERCIAL && openData != null
                && openData.selectsCommercialUse();
    }

    /** Who decides applications in this region: the providing department, or the authority (FZ16). */
    PolicyProfile.OpenDecider decider() {
        PolicyProfile.OpenData openData = policy.profile().openData();
        return openData == null ? PolicyProfile.OpenDecider.PROVIDER : openData.decider();
    }

    /** The data authority's department of the region, where the authority decides. */
    Optional<Long> authorityDepartment(long regionId) {
        return directory.region(regionId).map(Directory.RegionInfo::authorityDepartmentId);
    }

    /** Whether the official decides the application now: it waits, and the profile routes it to them. */
    boolean decidable(Actor actor, OpenApplication application) {
        return application.status() == OpenApplication.Status.SUBMITTED
                && OpenAccess.decidesApplications(actor, application.departmentId(), application.regionId(), decider());
    }

    /** The applicant's own application; another account's is not found. */
    OpenApplication ownById(long accountId, long id) {
        return records.find(id).filter(a -> a.accountId() != null && a.accountId() == accountId)
                .orElseThrow(() -> DomainException.notFound("open-application", id));
    }

    List<OpenApplication> mine(long accountId) {
        return records.ofAccount(accountId);
    }

    /** An application as an official may see it: its department's, or any of the authority's region; else 404. */
    OpenApplication visibleById(Actor actor, long id) {
        return records.find(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> DomainException.notFound("open-application", id));
    }

    /** What an official lists: the authority its region's applications, a department those for its datasets. */
    List<OpenApplication> forConsole(Actor actor, OpenApplication.Status status, boolean overdueOnly) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        List<OpenApplication> found = actor.authority() ? records.forConsole(actor.regionId(), null, status)
                : records.forConsole(null, actor.departmentId(), status);
        if (!overdueOnly) {
            return found;
        }
        LocalDate today = calendar.today();
        return found.stream().filter(a -> a.overdue(today)).sorted(Comparator.comparing(OpenApplication::submittedAt))
                .toList();
    }

    /**
     * The undecided applications the official decides, oldest first: what the workbench shows — the department's, or
     * where the authority decides (FZ16), the region's for the authority.
     */
    List<OpenApplication> waiting(Actor actor) {
        boolean authority = decider() == PolicyProfile.OpenDecider.AUTHORITY;
        return records.forConsole(authority ? actor.regionId() : null, authority ? null : actor.departmentId(),
                OpenApplication.Status.SUBMITTED).stream().filter(a -> decidable(actor, a))
                .sorted(Comparator.comparing(OpenApplication::submittedAt)).toList();
    }

    /** The undecided applications with a deadline, of every department (for the deadline notices). */
    List<OpenApplication> undecidedWithDeadline() {
        return records.undecidedWithDeadline();
    }

    LocalDate today() {
        return calendar.today();
    }

    private OpenApplication undecided(Actor actor, long id) {
        OpenApplication application = records.find(id).filter(a -> visible(actor, a))
                .orElseThrow(() -> DomainException.notFound("open-application", id));
        OpenAccess.requireApplicationDecider(actor, application.departmentId(), application.regionId(), decider());
        application = records.lock(id);
        if (application.status() != OpenApplication.Status.SUBMITTED) {
            throw new DomainException(ProblemCode.OPEN_APPLICATION_STATE,
                    Labels.label("application.status." + application.status().name()));
        }
        return application;
    }

    private static boolean visible(Actor actor, OpenApplication application) {
        return actor.kind() == Actor.Kind.USER
                && OpenAccess.viewer(actor, application.departmentId(), application.regionId());
    }

    /** The items named, each a released item of the dataset, in the catalog's order; null when none are named. */
    private List<String> items(OpenedDataset dataset, List<String> named, String rule) {
        if (named == null || named.isEmpty()) {
            return null;
        }
        Set<String> released = new LinkedHashSet<>();
        try {
            gate.fields(datasets.terms(dataset).forGrantee()).stream().map(DesensitisationGate.Field::id)
                    .filter(f -> !f.equals(DesensitisationGate.ID)).forEach(released::add);
        } catch (DesensitisationGate.Refused noData) {
            // nothing in the lake yet: no item can be named
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String item : named) {
            asked.add(item == null ? "" : item.strip());
        }
        List<String> unknown = asked.stream().filter(i -> !released.contains(i)).toList();
        if (!unknown.isEmpty()) {
            throw invalid(rule, String.join("、", unknown));
        }
        return released.stream().filter(asked::contains).toList();
    }

    /** The usage agreement (数据使用协议) the approval makes, in the words the holder reads and accepted. */
    private static String agreement(OpenApplication application, OpenedDataset dataset, String department,
            String conditions, List<String> items, LocalDate until) {
        return "数据使用协议\n"
                + "数据集：" + dataset.content().name() + "（提供部门：" + department + "）\n"
                + "用途：" + application.use().zh() + "；申请目的：" + application.purpose() + "\n"
                + "使用场景：" + application.scenario() + "\n"
                + "可使用的数据项：" + (items == null ? "全部开放的数据项" : String.join("、", items)) + "\n"
                + "使用期限：至 " + until + " 止\n"
                + (conditions == null ? "" : "使用条件：" + conditions + "\n")
                + "申请人承诺：仅按所申请的用途和场景使用数据，落实所述安全保障措施（" + application.securityMeasures()
                + "）；不得尝试识别已脱敏的个人信息，不得向第三方提供所获数据；在数据产品中注明数据来源和获取日期；"
                + "按要求报告数据使用情况。"
                + (application.use() == OpenApplication.Use.COMMERCIAL ? "\n商业开发利用须经竞争性方式确定。" : "");
    }

    /** The department's name, as people read it. */
    String departmentName(long departmentId) {
        return directory.department(departmentId).map(Directory.DepartmentInfo::name).orElse("");
    }

    private static DomainException notAllowed(String rule) {
        return new DomainException(ProblemCode.OPEN_APPLICATION_NOT_ALLOWED, Labels.label("application.rule." + rule));
    }

    private static DomainException invalid(String rule, Object... arguments) {
        return new DomainException(ProblemCode.OPEN_APPLICATION_INVALID, new DefaultMessageSourceResolvable(
                new String[] { "public.application.rule." + rule }, arguments, rule));
    }
}

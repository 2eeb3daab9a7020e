package cn.govdata.open.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.open.OpenAuditAction;
import cn.govdata.open.account.FreeText;
import cn.govdata.open.account.Labels;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;

/**
 * Usage reports of open grants (OPN-6: 定期报告数据使用情况, YT26 AB35 FZ20). The texts say "regularly" and no profile
 * sets an interval, so a grant's days — from the day of approval to its last day of access — are cut into calendar
 * quarters; the holder reports each period once it has ended, within {@value #DAYS_TO_REPORT} days of its end (then
 * it is overdue). With the holder's words are kept the downloads and API calls the platform counted under the grant
 * in the period. The provider department and the authority of the region read the reports; overdue ones are on
 * their workbenches.
 */
@Service
class UsageReports {

    static final int DAYS_TO_REPORT = 15;

    /** Where a period's report stands. */
    enum State {
        UPCOMING("未开始", "not started"),
        CURRENT("进行中", "in progress"),
        DUE("待报告", "to be reported"),
        OVERDUE("逾期未报告", "overdue"),
        REPORTED("已报告", "reported");

        private final LocalizedText label;

        State(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }
    }

    /**
     * One period of a grant and its report, if made.
     *
     * @param figures what the platform counted under the grant in the period: so far, or when it was reported
     */
    record Period(long applicationId, LocalDate start, LocalDate end, LocalDate dueOn, State state,
            LocalizedText stateLabel, GrantUses.Figures figures, String report, OffsetDateTime reportedAt) {

        Period(long applicationId, LocalDate start, LocalDate end, LocalDate dueOn, State state,
                GrantUses.Figures figures, String report, OffsetDateTime reportedAt) {
            this(applicationId, start, end, dueOn, state, state.label, figures, report, reportedAt);
        }
    }

    private final OpenApplicationRecords applications;
    private final UsageReportRecords reports;
    private final GrantUses uses;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    UsageReports(OpenApplicationRecords applications, UsageReportRecords reports, GrantUses uses,
            WorkingDayCalendar calendar, AuditLog audit) {
        this.applications = applications;
        this.reports = reports;
        this.uses = uses;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The periods of an application's grant with their reports; none unless it was approved. */
    List<Period> periods(OpenApplication application) {
        if (application.status() != OpenApplication.Status.APPROVED || application.decidedAt() == null
                || application.accessUntil() == null) {
            return List.of();
        }
        LocalDate today = calendar.today();
        Map<LocalDate, UsageReportRecords.StoredReport> made = reports.of(application.id()).stream()
                .collect(Collectors.toMap(UsageReportRecords.StoredReport::periodStart, Function.identity()));
        LocalDate first = application.decidedAt().atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(application.accessUntil()); ) {
            LocalDate quarterEnd = quarterStart(start).plusMonths(3).minusDays(1);
            LocalDate end = quarterEnd.isAfter(application.accessUntil()) ? application.accessUntil() : quarterEnd;
            LocalDate dueOn = end.plusDays(DAYS_TO_REPORT);
            UsageReportRecords.StoredReport report = made.get(start);
            if (report != null) {
                periods.add(new Period(application.id(), start, end, dueOn, State.REPORTED,
                        new GrantUses.Figures(report.downloads(), report.apiCalls()), report.report(),
                        report.submittedAt()));
            } else {
                State state = start.isAfter(today) ? State.UPCOMING : !end.isBefore(today) ? State.CURRENT
                        : dueOn.isBefore(today) ? State.OVERDUE : State.DUE;
                GrantUses.Figures figures = state == State.UPCOMING ? GrantUses.Figures.NONE
                        : uses.between(application.id(), start, end);
                periods.add(new Period(application.id(), start, end, dueOn, state, figures, null, null));
            }
            start = end.plusDays(1);
        }
        return periods;
    }

    /** The holder reports a period that has ended, once; the platform's figures for it are kept with the words. */
    @Transactional
    Period report(OpenApplication application, LocalDate periodStart, String text, String clientAddress) {
        if (periodStart == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, Labels.label("field.periodStart"));
        }
        String words = FreeText.required(text, 8000, "report");
        Period period = periods(application).stream().filter(p -> p.start().equals(periodStart)).findFirst()
                .orElseThrow(() -> new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.periodStart"),
                        periodStart));
        if (period.state() == State.REPORTED) {
            throw new DomainException(ProblemCode.CONFLICT, Labels.label("report.made"));
        }
        if (period.state() == State.UPCOMING || period.state() == State.CURRENT) {
            throw new DomainException(ProblemCode.CONFLICT, Labels.label("report.not-ended"));
        }
        GrantUses.Figures figures = uses.between(application.id(), period.start(), period.end());
        try {
            reports.insert(application.id(), period.start(), period.end(), words, figures,
                    OffsetDateTime.now(ZoneOffset.UTC));
        } catch (DuplicateKeyException twice) {
            throw new DomainException(ProblemCode.CONFLICT, Labels.label("report.made"));
        }
        audit.record(AuditEvent.success(OpenAuditAction.USAGE_REPORT, "open-application", application.id(),
                period.start() + "–" + period.end() + ": " + figures.downloads() + " downloads, "
                        + figures.apiCalls() + " API calls"),
                new AuditActor(PublicAccounts.actorName(application.accountId()), null, clientAddress));
        return periods(application).stream().filter(p -> p.start().equals(periodStart)).findFirst().orElseThrow();
    }

    /**
     * The overdue reports an official sees: the authority those of its region's grants, a department those of grants
     * of its datasets.
     */
    List<Period> overdue(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
        List<OpenApplication> granted = actor.authority()
                ? applications.forConsole(actor.regionId(), null, OpenApplication.Status.APPROVED)
                : applications.forConsole(null, actor.departmentId(), OpenApplication.Status.APPROVED);
        return granted.stream().flatMap(a -> periods(a).stream()).filter(p -> p.state() == State.OVERDUE).toList();
    }

    private static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }
}

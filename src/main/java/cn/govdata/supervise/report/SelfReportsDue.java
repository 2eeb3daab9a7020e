package cn.govdata.supervise.report;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * The self-report on last year while it is not submitted, where the profile sets its due date: on the department
 * administrator's workbench, and for the deadline notices to the department's administrators and chief data officer.
 */
@Component
class SelfReportsDue implements DueWork, PendingDeadlines {

    private final SelfReports reports;
    private final WorkingDayCalendar calendar;

    SelfReportsDue(SelfReports reports, WorkingDayCalendar calendar) {
        this.reports = reports;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || actor.authority() || !actor.has(Role.DEPARTMENT_ADMIN)) {
            return List.of();
        }
        int year = reports.currentYear();
        if (reports.dueOn(year) == null) {
            return List.of();
        }
        return reports.list(actor, year).stream()
                .filter(r -> r.status() != SelfReport.Status.SUBMITTED)
                .map(r -> new DueItem("supervise.selfReport", year + "年度自评报告（" + r.statusLabel() + "）",
                        link(year, r.departmentId()), r.dueOn(), calendar.workingDaysBetween(calendar.today(), r.dueOn()),
                        r.overdue()))
                .toList();
    }

    @Override
    public List<Deadline> pending() {
        int year = reports.currentYear();
        return reports.unsubmitted(year).stream()
                .map(r -> new Deadline("self-report:" + r.departmentId() + ":" + year, year + "年度自评报告的报送",
                        "the self-report on " + year, link(year, r.departmentId()), r.dueOn(), r.departmentId(),
                        List.of(Addressee.role(r.departmentId(), Role.DEPARTMENT_ADMIN),
                                Addressee.chiefDataOfficerOf(r.departmentId()))))
                .toList();
    }

    private static String link(int year, long departmentId) {
        return "/supervise/self-reports/" + year + "/" + departmentId;
    }
}

package cn.govdata.org.cdo;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.org.ChiefDataOfficers;
import cn.govdata.org.cdo.ChangeFilings.Filing;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * Filings not yet reported: on the workbench of the department's administrators (changes) and of its chief data
 * officer (the yearly summary), and for the deadline notices to them.
 */
@Component
class FilingsDue implements DueWork, PendingDeadlines {

    private static final String LINK = "/chief-data-officers";

    private final ChangeFilings filings;
    private final ChiefDataOfficers officers;
    private final WorkingDayCalendar calendar;

    FilingsDue(ChangeFilings filings, ChiefDataOfficers officers, WorkingDayCalendar calendar) {
        this.filings = filings;
        this.officers = officers;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            return List.of();
        }
        boolean administrator = actor.has(Role.DEPARTMENT_ADMIN);
        boolean officer = officers.ofDepartment(actor.departmentId()).filter(id -> id == actor.id()).isPresent();
        if (!administrator && !officer) {
            return List.of();
        }
        return filings.open(actor.departmentId()).stream()
                .filter(f -> f.kind() == FilingKind.YEARLY_SUMMARY ? officer : administrator)
                .map(f -> new DueItem("org.filing", what(f), LINK, f.dueOn(),
                        calendar.workingDaysBetween(calendar.today(), f.dueOn()), f.overdue()))
                .toList();
    }

    @Override
    public List<Deadline> pending() {
        return filings.open().stream()
                .map(f -> new Deadline("org-filing:" + f.id(), what(f),
                        f.kindEnglishLabel() + " to report to the data authority", LINK, f.dueOn(), f.departmentId(),
                        List.of(f.kind() == FilingKind.YEARLY_SUMMARY ? Addressee.chiefDataOfficerOf(f.departmentId())
                                : Addressee.role(f.departmentId(), Role.DEPARTMENT_ADMIN))))
                .toList();
    }

    private static String what(Filing filing) {
        return filing.kind() == FilingKind.YEARLY_SUMMARY ? filing.subject() + "的报送"
                : filing.kindLabel() + "（" + filing.subject() + "）的报备";
    }
}

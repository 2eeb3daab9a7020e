package cn.govdata.share.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;

/** For the share approver's workbench: the applications waiting for the approver's decision, with the reply deadline. */
@Component
class ApplicationsDue implements DueWork {

    private final ShareApplications applications;
    private final WorkingDayCalendar calendar;

    ApplicationsDue(ShareApplications applications, WorkingDayCalendar calendar) {
        this.applications = applications;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (!actor.has(Role.SHARE_APPROVER)) {
            return List.of();
        }
        LocalDate today = calendar.today();
        return applications.inbox(actor).stream()
                .map(a -> new DueItem("share.decide", a.entryName() + "（" + a.applicantDepartmentName() + "）",
                        "/share/applications/" + a.id(), a.dueOn(),
                        a.dueOn() == null ? null : calendar.workingDaysBetween(today, a.dueOn()), a.overdue()))
                .toList();
    }
}

package cn.govdata.share.application;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.common.Stage;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * For the share approver's workbench: the applications waiting for the approver's decision, with the reply
 * deadline; and the same deadlines for the deadline notices, to the approvers of the stage it waits at.
 */
@Component
class ApplicationsDue implements DueWork, PendingDeadlines {

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

    /** Pending applications with a reply deadline; a new stage is a new deadline (its own notices). */
    @Override
    public List<Deadline> pending() {
        return applications.query(" where status = 'PENDING' and due_on is not null order by id", List.of()).stream()
                .map(a -> {
                    long approver = a.stage() == Stage.AUTHORITY ? applications.authorityOf(a.regionId())
                            : a.providerDepartmentId();
                    return new Deadline("share-application:" + a.id() + ":" + a.stage(),
                            "共享申请“" + a.entryName() + "”（" + a.applicantDepartmentName() + "申请）的审批",
                            "the decision on the share application for \"" + a.entryName() + "\" ("
                                    + a.applicantDepartmentName() + ")",
                            "/share/applications/" + a.id(), a.dueOn(), approver,
                            List.of(Addressee.role(approver, Role.SHARE_APPROVER)));
                })
                .toList();
    }
}

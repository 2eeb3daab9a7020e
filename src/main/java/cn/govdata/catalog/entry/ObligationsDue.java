package cn.govdata.catalog.entry;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * For the catalog editor's workbench: the department's open update obligations (目录更新义务) with their deadline;
 * and the same deadlines for the deadline notices, to the department's catalog editors.
 */
@Component
class ObligationsDue implements DueWork, PendingDeadlines {

    private final UpdateObligations obligations;
    private final WorkingDayCalendar calendar;

    ObligationsDue(UpdateObligations obligations, WorkingDayCalendar calendar) {
        this.obligations = obligations;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.has(Role.CATALOG_EDITOR)) {
            return List.of();
        }
        LocalDate today = calendar.today();
        return obligations.list(actor, actor.departmentId(), true).stream()
                .map(o -> new DueItem("catalog.obligation", o.description(), "/catalog/obligations", o.dueDate(),
                        o.dueDate() == null ? null : calendar.workingDaysBetween(today, o.dueDate()), o.overdue()))
                .toList();
    }

    /**
     * The update due by its date until it is made; where the profile asks for a report to the authority after the
     * update (AB17), then the report, by its own date.
     */
    @Override
    public List<Deadline> pending() {
        List<Deadline> deadlines = new ArrayList<>();
        for (UpdateObligations.Obligation o : obligations.openEverywhere()) {
            List<Addressee> editors = List.of(Addressee.role(o.departmentId(), Role.CATALOG_EDITOR));
            if (o.updatedOn() == null && o.dueDate() != null) {
                deadlines.add(new Deadline("catalog-obligation:" + o.id() + ":update",
                        "目录更新义务“" + o.description() + "”", "the catalog update \"" + o.description() + "\"",
                        "/catalog/obligations", o.dueDate(), o.departmentId(), editors));
            } else if (o.updatedOn() != null && o.reportDueDate() != null) {
                deadlines.add(new Deadline("catalog-obligation:" + o.id() + ":report",
                        "目录更新“" + o.description() + "”的报送", "the report of the catalog update \""
                                + o.description() + "\"",
                        "/catalog/obligations", o.reportDueDate(), o.departmentId(), editors));
            }
        }
        return deadlines;
    }
}

package cn.govdata.catalog.entry;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;

/** For the catalog editor's workbench: the department's open update obligations (目录更新义务) with their deadline. */
@Component
class ObligationsDue implements DueWork {

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
}

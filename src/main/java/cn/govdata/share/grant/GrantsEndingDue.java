package cn.govdata.share.grant;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;

/**
 * For the data user's workbench: the department's active grants that end within {@value #SOON} working days, to
 * be renewed in time (a use after the end is refused).
 */
@Component
class GrantsEndingDue implements DueWork {

    static final int SOON = 10;

    private final Grants grants;
    private final WorkingDayCalendar calendar;

    GrantsEndingDue(Grants grants, WorkingDayCalendar calendar) {
        this.grants = grants;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.has(Role.DATA_USER)) {
            return List.of();
        }
        LocalDate today = calendar.today();
        return grants.list(actor, "CONSUMER", Grants.Status.ACTIVE.name()).stream()
                .filter(g -> g.validUntil() != null)
                .map(g -> new DueItem("share.renew", g.entryName() + "（" + g.providerDepartmentName() + "）",
                        "/share/grants", g.validUntil(), calendar.workingDaysBetween(today, g.validUntil()), false))
                .filter(item -> item.workingDaysLeft() <= SOON)
                .toList();
    }
}

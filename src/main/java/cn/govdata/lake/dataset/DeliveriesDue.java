package cn.govdata.lake.dataset;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;

/**
 * For the data provider's workbench: its datasets whose next delivery (by the catalog's update cycle) is overdue
 * or due within {@value #SOON} working days; for the data authority's reviewers and approvers, those of the
 * whole region.
 */
@Component
class DeliveriesDue implements DueWork {

    static final int SOON = 5;

    private final AggregationStatus aggregation;
    private final WorkingDayCalendar calendar;

    DeliveriesDue(AggregationStatus aggregation, WorkingDayCalendar calendar) {
        this.aggregation = aggregation;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        // the region's view is for the authority's officers, not for everyone who works there
        boolean region = LakeAccess.seesRegion(actor) && actor.hasAny(Role.CATALOG_REVIEWER, Role.SHARE_APPROVER);
        if (!region && !actor.has(Role.DATA_PROVIDER)) {
            return List.of();
        }
        LocalDate today = calendar.today();
        return aggregation.status(actor).stream()
                .filter(s -> s.dueOn() != null)
                .map(s -> new DueItem(region ? "lake.regionDelivery" : "lake.delivery",
                        s.name() + "（" + s.departmentName() + "）", "/lake/datasets/" + s.datasetId(), s.dueOn(),
                        calendar.workingDaysBetween(today, s.dueOn()), s.overdue()))
                .filter(item -> item.overdue() || item.workingDaysLeft() <= SOON)
                .toList();
    }
}

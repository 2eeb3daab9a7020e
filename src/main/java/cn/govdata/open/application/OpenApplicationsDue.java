package cn.govdata.open.application;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;

/** For the data provider's workbench: the open applications waiting for the department's decision, late ones marked. */
@Component
class OpenApplicationsDue implements DueWork {

    private final OpenApplications applications;
    private final OpenedDatasets datasets;
    private final WorkingDayCalendar calendar;

    OpenApplicationsDue(OpenApplications applications, OpenedDatasets datasets, WorkingDayCalendar calendar) {
        this.applications = applications;
        this.datasets = datasets;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) {
            return List.of();
        }
        var today = calendar.today();
        return applications.waiting(actor).stream()
                .map(a -> new DueItem("open.application.decide",
                        datasets.byId(a.datasetId()).map(d -> d.content().name()).orElse("") + "（开放申请）",
                        "/open/applications/" + a.id(), a.dueOn(),
                        a.dueOn() == null ? null : calendar.workingDaysBetween(today, a.dueOn()), a.overdue(today)))
                .toList();
    }
}

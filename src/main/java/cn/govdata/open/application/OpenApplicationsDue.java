package cn.govdata.open.application;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.policy.PolicyProfile.OpenDecider;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * For the data provider's workbench: the open applications waiting for the department's decision, late ones marked;
 * and the same deadlines for the deadline notices, to whoever decides: the department's data providers, or where the
 * profile has the authority authorise (FZ16), the authority's catalog reviewers.
 */
@Component
class OpenApplicationsDue implements DueWork, PendingDeadlines {

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

    @Override
    public List<Deadline> pending() {
        return applications.undecidedWithDeadline().stream()
                .map(a -> {
                    String dataset = datasets.byId(a.datasetId()).map(d -> d.content().name()).orElse("");
                    return new Deadline("open-application:" + a.id(), "开放申请（#" + a.id() + "，“" + dataset
                            + "”）的答复", "the decision on open-data application #" + a.id() + " (\"" + dataset + "\")",
                            "/open/applications/" + a.id(), a.dueOn(), a.departmentId(), deciders(a));
                })
                .toList();
    }

    private List<Addressee> deciders(OpenApplication a) {
        if (applications.decider() == OpenDecider.AUTHORITY) {
            return applications.authorityDepartment(a.regionId())
                    .map(authority -> List.of(Addressee.role(authority, Role.CATALOG_REVIEWER))).orElse(List.of());
        }
        return List.of(Addressee.role(a.departmentId(), Role.DATA_PROVIDER));
    }
}

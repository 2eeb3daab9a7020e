package cn.govdata.open.application;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;

/**
 * For the workbenches of the authority (its catalog reviewer) and of the providing department (its data provider):
 * usage reports of open grants that are overdue, to be chased.
 */
@Component
class UsageReportsDue implements DueWork {

    private final UsageReports reports;
    private final OpenedDatasets datasets;
    private final OpenApplicationRecords applications;
    private final WorkingDayCalendar calendar;

    UsageReportsDue(UsageReports reports, OpenedDatasets datasets, OpenApplicationRecords applications,
            WorkingDayCalendar calendar) {
        this.reports = reports;
        this.datasets = datasets;
        this.applications = applications;
        this.calendar = calendar;
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !(actor.authority() ? actor.has(Role.CATALOG_REVIEWER)
                : actor.has(Role.DATA_PROVIDER))) {
            return List.of();
        }
        var today = calendar.today();
        return reports.overdue(actor).stream().map(p -> new DueItem("open.usage_report.overdue",
                applications.find(p.applicationId()).flatMap(a -> datasets.byId(a.datasetId()))
                        .map(d -> d.content().name()).orElse("") + "（使用情况报告 " + p.start() + "至" + p.end() + "）",
                "/open/applications/" + p.applicationId(), p.dueOn(),
                calendar.workingDaysBetween(today, p.dueOn()), true)).toList();
    }
}

package cn.govdata.open.application;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.govdata.open.account.PublicAccountKind;
import cn.govdata.shared.Actor;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.open.release.OpenedDatasets;

/** Builds each reader's {@link ApplicationView} of an application. */
@Component
class ApplicationViews {

    private final OpenedDatasets datasets;
    private final PublicAccounts accounts;
    private final OpenApplications applications;

    ApplicationViews(OpenedDatasets datasets, PublicAccounts accounts, OpenApplications applications) {
        this.datasets = datasets;
        this.accounts = accounts;
        this.applications = applications;
    }

    ApplicationView forApplicant(OpenApplication a) {
        return view(a, null);
    }

    ApplicationView forOfficial(Actor official, OpenApplication a) {
        return view(a, official);
    }

    private ApplicationView view(OpenApplication a, Actor reader) {
        boolean official = reader != null;
        LocalDate today = applications.today();
        ApplicationView.Dataset dataset = datasets.byId(a.datasetId())
                .map(d -> new ApplicationView.Dataset(d.id(), d.packageId(), d.name(), d.content().name(),
                        d.departmentId(), applications.departmentName(d.departmentId())))
                .orElse(new ApplicationView.Dataset(a.datasetId(), null, null, null, a.departmentId(), null));
        ApplicationView.Applicant applicant = !official || a.accountId() == null ? null
                : accounts.requester(a.accountId()).map(r -> new ApplicationView.Applicant(r.kind(),
                        r.kind() == PublicAccountKind.CITIZEN ? null : r.name())).orElse(null);
        // read once: a list of applications builds a view each
        ApplicationView.Selection selection = applications.selection(a.id())
                .map(x -> new ApplicationView.Selection(x.method(), x.result(), x.decidedOn(), x.reference()))
                .orElse(null);
        boolean selectionNeeded = selection == null && a.status() == OpenApplication.Status.SUBMITTED
                && applications.selectionNeeded(a);
        return new ApplicationView(a.id(), dataset, a.use(), a.purpose(), a.scenario(), a.securityMeasures(),
                a.items(), a.requestedUntil(), a.status(), a.submittedAt(), a.dueOn(), a.overdue(today),
                a.decidedAt(), official ? a.decidedBy() : null, a.conditions(), a.grantedItems(), a.accessUntil(),
                a.agreement(), a.refusalReasons(), a.legalBasis(), a.use() == OpenApplication.Use.COMMERCIAL,
                a.grants(today), applicant, official && applications.decidable(reader, a), selectionNeeded, selection);
    }
}

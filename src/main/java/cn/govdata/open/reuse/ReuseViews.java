package cn.govdata.open.reuse;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.govdata.open.account.PublicAccounts;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.open.release.PublicNames;
import cn.govdata.org.Directory;
import cn.govdata.policy.ActivePolicy;

/** Builds each reader's {@link ReuseView}: datasets no longer open are left out, as the public cannot see them. */
@Component
class ReuseViews {

    private final OpenedDatasets datasets;
    private final Directory directory;
    private final ActivePolicy policy;
    private final PublicAccounts accounts;

    ReuseViews(OpenedDatasets datasets, Directory directory, ActivePolicy policy, PublicAccounts accounts) {
        this.datasets = datasets;
        this.directory = directory;
        this.policy = policy;
        this.accounts = accounts;
    }

    ReuseView forPublic(Reuse r) {
        return view(r, false);
    }

    ReuseView forHolder(Reuse r) {
        return view(r, false);
    }

    ReuseView forAuthority(Reuse r) {
        return view(r, true);
    }

    private ReuseView view(Reuse r, boolean authority) {
        List<ReuseView.Dataset> used = r.datasets().stream()
                .flatMap(u -> open(u.datasetId()).map(d -> dataset(d, u)).stream()).toList();
        Optional<PublicAccounts.Requester> publisher = accounts.requester(r.accountId());
        return new ReuseView(r.id(), r.name(), r.description(), r.kind(), r.kind().label(), r.link(), used,
                publisher.map(PublicAccounts.Requester::kind).orElse(null),
                publisher.filter(p -> p.kind().isOrganisation()).map(PublicAccounts.Requester::name).orElse(null),
                r.status(), r.status().label(), r.submittedAt(), r.decidedAt(), authority ? r.decidedBy() : null,
                r.rejectionReason());
    }

    private Optional<OpenedDataset> open(long datasetId) {
        return datasets.byId(datasetId).filter(OpenedDataset::active).filter(datasets::live);
    }

    private ReuseView.Dataset dataset(OpenedDataset d, Reuse.Used u) {
        String department = directory.department(d.departmentId()).map(Directory.DepartmentInfo::name).orElse("");
        return new ReuseView.Dataset(d.packageId(), d.name(), d.content().name(), department, u.obtainedOn(),
                PublicNames.citation(department, policy.profile(), u.obtainedOn()));
    }
}

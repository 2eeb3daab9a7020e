package cn.govdata.open.demand;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.open.account.PublicAccountKind;
import cn.govdata.open.account.PublicAccounts;
import cn.govdata.org.Directory;
import cn.govdata.shared.TextMasking;

/** Builds each reader's {@link DemandView} of a request. */
@Component
class DemandViews {

    private final Directory directory;
    private final PublishedCatalog catalog;
    private final PublicAccounts accounts;
    private final DemandRecords records;
    private final DemandDeadlines deadlines;

    DemandViews(Directory directory, PublishedCatalog catalog, PublicAccounts accounts, DemandRecords records,
            DemandDeadlines deadlines) {
        this.directory = directory;
        this.catalog = catalog;
        this.accounts = accounts;
        this.records = records;
        this.deadlines = deadlines;
    }

    /** An answered request for anyone: nothing about the requester, personal values in its texts masked. */
    DemandView forPublic(Demand d) {
        return new DemandView(d.id(), d.kind(), d.subject(), TextMasking.masked(d.description()),
                TextMasking.masked(d.reason()), d.status(), d.submittedAt(), null, departmentName(d.departmentId()),
                null, null, entry(d), null, null, d.decision(), TextMasking.masked(d.decisionReasons()),
                d.legalBasis(), d.answeredAt(), departmentName(d.answeredDepartmentId()), null, null, null,
                d.objectedAt() != null, null, null, null, d.reviewOutcome(), TextMasking.masked(d.reviewReasons()),
                d.reviewedAt(), d.fulfilledAt(), null, null);
    }

    /** The requester's own request, whole, with its periods and its steps (without the officials' names). */
    DemandView forRequester(Demand d, boolean withTimeline) {
        List<DemandView.Step> timeline = withTimeline ? records.timeline(d.id()).stream()
                .map(e -> new DemandView.Step(e.type(), e.at(), null, e.detail())).toList() : null;
        return new DemandView(d.id(), d.kind(), d.subject(), d.description(), d.reason(), d.status(), d.submittedAt(),
                d.departmentId(), departmentName(d.departmentId()), d.namedDepartmentId(),
                departmentName(d.namedDepartmentId()), entry(d), d.replyDueOn(), null, d.decision(),
                d.decisionReasons(), d.legalBasis(), d.answeredAt(), departmentName(d.answeredDepartmentId()), null,
                d.objectionOpenUntil(), d.objectionOpen(deadlines.today()), d.objectedAt() != null,
                d.objectionReasons(), d.objectedAt(), d.reviewDueOn(), d.reviewOutcome(), d.reviewReasons(),
                d.reviewedAt(), d.fulfilledAt(), null, timeline);
    }

    /** A request for the officials who answer or supervise it. */
    DemandView forOfficial(Demand d, boolean withTimeline) {
        List<DemandView.Step> timeline = withTimeline ? records.timeline(d.id()).stream()
                .map(e -> new DemandView.Step(e.type(), e.at(), e.actor(), e.detail())).toList() : null;
        DemandView.Requester requester = d.requesterId() == null ? null
                : accounts.requester(d.requesterId()).map(r -> new DemandView.Requester(r.kind(),
                        r.kind() == PublicAccountKind.CITIZEN ? null : r.name())).orElse(null);
        return new DemandView(d.id(), d.kind(), d.subject(), d.description(), d.reason(), d.status(), d.submittedAt(),
                d.departmentId(), departmentName(d.departmentId()), d.namedDepartmentId(),
                departmentName(d.namedDepartmentId()), entry(d), d.replyDueOn(), d.overdue(deadlines.today()),
                d.decision(), d.decisionReasons(), d.legalBasis(), d.answeredAt(),
                departmentName(d.answeredDepartmentId()), d.answeredBy(), d.objectionOpenUntil(), null,
                d.objectedAt() != null, d.objectionReasons(), d.objectedAt(), d.reviewDueOn(), d.reviewOutcome(),
                d.reviewReasons(), d.reviewedAt(), d.fulfilledAt(), requester, timeline);
    }

    private String departmentName(Long id) {
        return id == null ? null : directory.department(id).map(Directory.DepartmentInfo::name).orElse(null);
    }

    private DemandView.Entry entry(Demand d) {
        if (d.entryId() == null) {
            return null;
        }
        return catalog.byId(d.entryId())
                .map(e -> new DemandView.Entry(e.id(), e.resourceCode(), e.content().name()))
                .orElse(new DemandView.Entry(d.entryId(), null, null));
    }
}

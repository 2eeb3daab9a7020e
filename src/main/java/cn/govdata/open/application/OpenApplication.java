package cn.govdata.open.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application for conditionally-open data (有条件开放申请, OPN-2) as stored: who asks for which dataset, for what
 * use, how they will keep it safe and until when; the department's decision — an approval with its conditions, the
 * items granted and the last day of access, which is the holder's usage agreement, or a refusal with its reasons
 * and legal basis.
 *
 * @param accountId the public account that applied, null once it was deleted
 * @param items the data items asked for, null for all the released ones
 * @param dueOn the decision's last day by the region's profile, null where the profile sets no period
 * @param grantedItems the items the approval grants, null for all the released ones
 */
record OpenApplication(long id, Long accountId, long datasetId, long departmentId, long regionId, Use use,
        String purpose, String scenario, String securityMeasures, List<String> items, LocalDate requestedUntil,
        Status status, OffsetDateTime submittedAt, LocalDate dueOn, OffsetDateTime decidedAt, String decidedBy,
        String conditions, List<String> grantedItems, LocalDate accessUntil, String agreement, String refusalReasons,
        String legalBasis) {

    /** What the data is for: research (非商业的研究), a public service, or commercial use. */
    enum Use {
        RESEARCH("科学研究（非商业）"), PUBLIC_SERVICE("公益服务"), COMMERCIAL("商业开发利用");

        private final String zh;

        Use(String zh) {
            this.zh = zh;
        }

        String zh() {
            return zh;
        }
    }

    enum Status { SUBMITTED, APPROVED, REFUSED }

    /** Whether the decision is late as of the day. */
    boolean overdue(LocalDate today) {
        return status == Status.SUBMITTED && dueOn != null && dueOn.isBefore(today);
    }

    /** Whether the application gives access to its dataset on the day. */
    boolean grants(LocalDate today) {
        return status == Status.APPROVED && accessUntil != null && !today.isAfter(accessUntil);
    }
}

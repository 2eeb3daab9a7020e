package cn.govdata.open.revenue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Revenue and its allocation as the console shows it; amounts are yuan as text with two decimals ("1234.50"), so
 * that no reader rounds them through floating point.
 */
record RevenueView(long id, String amount, LocalDate periodStart, LocalDate periodEnd, String source,
        String recordedBy, OffsetDateTime recordedAt, List<Grant> grants, List<Share> shares) {

    /** A grant the revenue came from: the dataset, its department, the uses counted under it in the period. */
    record Grant(long applicationId, String dataset, String departmentName, long uses) {
    }

    /** A department's share: its contribution (downloads and API calls under its grants) and its amount. */
    record Share(long departmentId, String departmentName, long contribution, String amount) {
    }
}

package cn.govdata.open.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Revenue from authorised development as recorded (OPN-8): what was earned in a period and from what, the grants it
 * came from with the uses counted under each in the period, and the departments' shares computed then.
 */
record Revenue(long id, long regionId, BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, String source,
        String recordedBy, OffsetDateTime recordedAt, List<GrantPart> grants, List<Allocation.Share> shares) {

    /** A grant the revenue came from, its providing department, and its downloads and API calls in the period. */
    record GrantPart(long applicationId, long datasetId, long departmentId, long uses) {
    }
}

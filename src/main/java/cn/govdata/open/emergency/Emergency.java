package cn.govdata.open.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.govdata.catalog.EntryContent.UpdateCycle;

/**
 * An open dataset flagged as emergency data (应急数据, OPN-7): why, until when, the update cycle it must keep
 * meanwhile, and when the flag was lifted (null while in force).
 */
record Emergency(long id, long datasetId, String reason, LocalDate until, UpdateCycle cycle, String flaggedBy,
        OffsetDateTime flaggedAt, OffsetDateTime liftedAt, String liftedBy, String liftReason) {

    boolean inForce(LocalDate today) {
        return liftedAt == null && !until.isBefore(today);
    }
}

package cn.govdata.org.serviceunit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A technical service unit (技术服务单位, ORG-4) and its authorisation by the data authority.
 *
 * @param actions what its users may do: {@link Action}
 * @param departmentIds the departments for which they may do it (their accounts belong to these)
 * @param inForce authorised today: within the period and not revoked
 * @param memberIds the accounts linked to it
 */
public record ServiceUnit(long id, long regionId, String name, String creditCode, List<Action> actions,
        List<Long> departmentIds, LocalDate validFrom, LocalDate validUntil, boolean inForce, OffsetDateTime revokedAt,
        String revokedBy, List<Long> memberIds, String createdBy, OffsetDateTime createdAt) {

    /** What a unit may be authorised to do, by the role its users keep for it. */
    public enum Action {
        /** Draft, change, submit and import the departments' catalog entries (the catalog editor's role). */
        CATALOG_EDIT,
        /** Create datasets and upload or push data to the lake (the data provider's role). */
        LAKE_UPLOAD
    }
}

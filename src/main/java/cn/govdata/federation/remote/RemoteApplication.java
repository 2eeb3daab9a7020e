package cn.govdata.federation.remote;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application of a department of this platform for an entry a lower platform keeps (SHR-10), as mirrored here:
 * the application, its deadline, decision and grant live on that platform, which decides by its own profile.
 *
 * @param platform the platform that keeps the entry and decides
 * @param remoteId the application's id there
 * @param entryId the entry's id here (a received entry)
 * @param systems this department's connected systems that use the grant through this platform
 * @param status as that platform last answered: {@code DRAFT}, {@code PENDING}, {@code APPROVED}, {@code REFUSED},
 *        {@code WITHDRAWN}, {@code COORDINATION}
 * @param dueOn the date by which that platform must decide, by its calendar
 * @param grantId the grant there, once approved
 * @param grantedItems the items the grant covers
 * @param grantActive whether the grant is in force (not revoked, not expired) as last seen
 * @param syncedAt when that platform last answered about it
 * @param uses how many uses were relayed under it
 */
record RemoteApplication(long id, long peerId, String platform, long remoteId, long entryId, long remoteEntryId,
        String resourceCode, String entryName, String providerName, long departmentId, String appliedBy,
        List<Long> systems, String purpose, String status, LocalDate dueOn, String decidedBy, String refusalReason,
        Long grantId, List<String> grantedItems, boolean grantActive, LocalDate validUntil, OffsetDateTime createdAt,
        OffsetDateTime syncedAt, long uses, OffsetDateTime lastUsedAt) {

    /** Still waiting for that platform, or granted: worth asking it again. */
    boolean followed() {
        return List.of("DRAFT", "PENDING", "COORDINATION").contains(status) || (grantId != null && grantActive);
    }
}

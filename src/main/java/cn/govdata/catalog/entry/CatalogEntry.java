package cn.govdata.catalog.entry;

import java.time.OffsetDateTime;

import cn.govdata.catalog.EntryContent;

/**
 * A catalog entry with its latest version and, once it has one, its published version.
 *
 * @param resourceCode 信息资源代码, fixed at creation
 * @param latest the newest version: the one being edited or reviewed, or the published one
 * @param published the version in force, or null before the first publication
 * @param parentCode the higher-level catalog's entry this one implements (CAT-6), or null
 * @param localConsent the authority agreed that the entry stays local to this region (CAT-6)
 * @param collectingDepartmentId the department designated to collect this data (CAT-5), or null
 */
public record CatalogEntry(long id, String resourceCode, long regionId, long departmentId, String departmentName,
        String departmentCreditCode, boolean retired, String retiredReason, OffsetDateTime retiredAt,
        String parentCode, boolean localConsent, Long collectingDepartmentId, EntryVersion latest,
        EntryVersion published) {

    /** The life of one version: drafted, submitted, returned with comments or published, then superseded. */
    public enum State { DRAFT, SUBMITTED, RETURNED, PUBLISHED, SUPERSEDED }

    /**
     * One version of an entry.
     *
     * @param revision the optimistic-locking counter of this version: a change must name the revision it saw
     */
    public record EntryVersion(int version, State state, int revision, EntryContent content, String changeNote,
            String reviewComment, String createdBy, OffsetDateTime createdAt, String submittedBy,
            OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt) {
    }
}

package cn.govdata.supervise.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An information project (信息化项目, CAT-10) as its department and the authority see it.
 *
 * @param budget in yuan
 * @param entries the catalog entries the project produces or uses, with the data items it needs in each
 * @param approvalCheck the last check of its catalog before approval, null until checked
 * @param acceptance the acceptance evidence of the last acceptance check, null until checked
 */
public record Project(long id, long regionId, long departmentId, String departmentName, String code, String name,
        String approvalBody, BigDecimal budget, LocalDate startsOn, LocalDate endsOn, ProjectStatus status,
        String statusLabel, List<ProjectEntry> entries, ApprovalCheck approvalCheck, AcceptanceEvidence acceptance,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** What a project produces or uses. */
    public enum Role { PRODUCES, USES }

    /** One catalog entry of the project, by resource code, and the data items (Chinese names) it needs there. */
    public record ProjectEntry(String resourceCode, Role role, List<String> items) {

        public ProjectEntry {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * Something the check found missing, in plain words in both console languages.
     *
     * @param code stable for machines, e.g. {@code DATA_ITEM_MISSING}
     * @param resourceCode the entry concerned, null for the project as a whole
     */
    public record Finding(String code, String resourceCode, String text, String textEn) {
    }

    /** The check before approval: complete when nothing is missing. */
    public record ApprovalCheck(boolean complete, List<Finding> findings, OffsetDateTime checkedAt,
            String checkedBy) {
    }

    /**
     * What the platform found about one entry at acceptance.
     *
     * @param published whether the entry is published and not retired, and {@code publishedAt} since when
     * @param datasetId the entry's dataset in the lake, null when none
     * @param records the records it holds
     * @param lastAggregatedAt the last successful delivery
     * @param current a delivery was made and the next one is not overdue
     */
    public record EntryFacts(String resourceCode, String name, Role role, boolean published,
            OffsetDateTime publishedAt, Long datasetId, long records, OffsetDateTime lastAggregatedAt,
            LocalDate nextDueOn, boolean current) {
    }

    /** The acceptance evidence: the facts checked, what was missing, and when. */
    public record AcceptanceEvidence(boolean passed, String projectCode, String projectName, String departmentName,
            List<EntryFacts> entries, List<Finding> findings, OffsetDateTime checkedAt, String checkedBy) {
    }
}

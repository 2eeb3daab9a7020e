package cn.govdata.supervise.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.govdata.supervise.metric.Metric;

/**
 * A department's yearly self-report (部门年度自评报告, SUP-2) as the department and the authority see it: the year's
 * figures as the platform computed them (kept as they were when submitted), the sections the department writes,
 * and where it stands.
 *
 * @param id none while the department has not started it
 * @param dueOn the date it is due by the region's profile, none where no text sets one
 * @param dueBasis the article the date comes from
 * @param overdue not submitted and past its due date
 */
public record SelfReport(Long id, long departmentId, String departmentName, int year, Status status,
        String statusLabel, Double score, String gradeLabel, String methodVersion, List<Figure> figures,
        String workDone, String problems, String plans, LocalDate dueOn, String dueBasis, boolean overdue,
        String updatedBy, OffsetDateTime updatedAt, String submittedBy, OffsetDateTime submittedAt, String returnedBy,
        OffsetDateTime returnedAt, String returnReason) {

    /** One metric of the year, with its name as the clerk reads it. */
    public record Figure(String key, String label, Metric.Kind kind, Double value) {
    }

    public enum Status {
        NOT_STARTED("未填报"), DRAFT("草稿"), SUBMITTED("已提交"), RETURNED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The department may still change it. */
        boolean editable() {
            return this != SUBMITTED;
        }
    }
}

package cn.govdata.supervise.violation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A violation as the authority and its department see it, with its correction order once issued.
 *
 * @param typeLabel and {@code statusLabel}: what a clerk reads
 * @param missedDueOn the due date the department missed
 * @param dueOn the correction order's due date, once issued
 * @param workingDaysLeft working days from today to {@code dueOn} (negative when late), while the order runs
 * @param recheckFires the last re-check found the violation still there
 */
public record ViolationView(long id, ViolationType type, String typeLabel, long regionId, long departmentId,
        String departmentName,
        long subjectId, String subject, LocalDate missedDueOn, LocalDate detectedOn, ViolationStatus status,
        String statusLabel, String orderText, String orderIssuedBy, OffsetDateTime orderIssuedAt, LocalDate dueOn,
        Integer workingDaysLeft, String answer, String answeredBy, OffsetDateTime answeredAt,
        OffsetDateTime recheckedAt, Boolean recheckFires, String closedBy, OffsetDateTime closedAt, String noticeText,
        String escalatedBy, OffsetDateTime escalatedAt) {
}

package cn.govdata.supervise.violation;

import java.time.LocalDate;

/**
 * What one detection run did.
 *
 * @param opened violations new in this run
 * @param stillOpen violations found again that were already recorded (detection is idempotent)
 * @param resolved detected violations without an order that no longer fire
 */
public record DetectionReport(LocalDate asOf, int opened, int stillOpen, int resolved) {
}

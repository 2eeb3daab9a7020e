package cn.govdata.supervise.metric;

import java.time.LocalDate;

/**
 * One record behind a metric's number (the drill-down): an entry, dataset, application, delivery, obligation,
 * discrepancy or violation.
 *
 * @param kind what the id is of, e.g. {@code application}
 * @param date the day that counts for the metric (due date, delivery day, …)
 * @param good for a ratio: whether the record counts in its favour (on time, accepted); null for counts
 * @param amount the amount it adds (entries, records, rows accepted), else 1
 * @param outOf for a share of amounts (rows accepted of rows read): what the amount is out of, else the amount
 */
public record MetricRecord(String kind, long id, String description, LocalDate date, Boolean good, long amount,
        long outOf) {

    MetricRecord(String kind, long id, String description, LocalDate date, Boolean good, long amount) {
        this(kind, id, description, date, good, amount, amount);
    }
}

package cn.govdata.supervise.metric;

import java.util.Map;

/**
 * A department's evaluation for a year (SUP-1).
 *
 * @param metrics metric name → value (ratios 0–1, counts); a metric without a value is absent
 * @param methodVersion the scoring model the score was computed with
 * @param frozen the year is over and its scores were stored with that model; they no longer change
 * @param rank 1 for the best score in the region
 */
public record Scorecard(long departmentId, String departmentName, int year, double score, String grade,
        String gradeLabel, int rank, String methodVersion, boolean frozen, Map<String, Double> metrics) {
}

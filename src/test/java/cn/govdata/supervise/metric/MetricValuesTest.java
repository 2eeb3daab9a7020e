package cn.govdata.supervise.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricValuesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void ratiosCountTheRecordsInFavourAndCountsAddTheirAmounts() {
        MetricValues.Evidence evidence = new MetricValues.Evidence(Map.of(7L, Map.of(
                Metric.SHARED_SHARE, List.of(
                        new MetricRecord("entries", 0, "UNCONDITIONAL / OPEN", null, true, 3),
                        new MetricRecord("entries", 0, "NOT_SHARED / NOT_OPEN", null, false, 1)),
                Metric.DELIVERIES_ON_TIME, List.of(
                        new MetricRecord("batch", 1, "", DAY, true, 1),
                        new MetricRecord("batch", 2, "", DAY, false, 1),
                        new MetricRecord("batch", 3, "", DAY, true, 1)),
                Metric.ACCEPTED_ROW_SHARE, List.of(
                        new MetricRecord("batch", 1, "", DAY, null, 90, 100),
                        new MetricRecord("batch", 2, "", DAY, null, 0, 100)),
                Metric.RECORDS, List.of(
                        new MetricRecord("dataset", 1, "", null, null, 300),
                        new MetricRecord("dataset", 2, "", null, null, 200)))));
        Map<Metric, Double> values = MetricValues.values(evidence, 7);
        assertThat(values.get(Metric.SHARED_SHARE)).isEqualTo(0.75);
        assertThat(values.get(Metric.DELIVERIES_ON_TIME)).isEqualTo(0.6667);
        assertThat(values.get(Metric.ACCEPTED_ROW_SHARE)).isEqualTo(0.45);
        assertThat(values.get(Metric.RECORDS)).isEqualTo(500.0);
        // nothing to measure: no value for a ratio, zero for a count
        assertThat(values.get(Metric.APPLICATIONS_ON_TIME)).isNull();
        assertThat(values.get(Metric.VIOLATIONS)).isZero();
    }

    @Test
    void aDepartmentWithoutPublishedEntriesSharesNothing() {
        Map<Metric, Double> values = MetricValues.values(new MetricValues.Evidence(Map.of()), 8);
        assertThat(values.get(Metric.SHARED_SHARE)).isZero();
        assertThat(values.get(Metric.ACCEPTED_ROW_SHARE)).isNull();
    }
}

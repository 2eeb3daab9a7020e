package cn.govdata.supervise.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The sums kept per department and metric: a scorecard computed from them equals one computed from the records,
 * and the sums of a department's records split in two parts add up to the sums of the whole.
 */
class MetricTotalsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void theSumsOfTheRecordsAreWhatTheValuesAreComputedFrom() {
        MetricTotals totals = MetricTotals.of(List.of(new MetricRecord("batch", 1, "", DAY, true, 90, 100),
                new MetricRecord("batch", 2, "", DAY, false, 10, 50), new MetricRecord("batch", 3, "", DAY, null, 0, 0)));
        assertThat(totals).isEqualTo(new MetricTotals(3, 1, 100, 90, 150));
        assertThat(totals.value(Metric.DELIVERIES_ON_TIME)).isEqualTo(0.3333);
        assertThat(totals.value(Metric.ACCEPTED_ROW_SHARE)).isEqualTo(0.6667);
        assertThat(totals.value(Metric.SHARED_SHARE)).isEqualTo(0.9);
        assertThat(totals.value(Metric.RECORDS)).isEqualTo(100.0);
        assertThat(MetricTotals.NONE.value(Metric.APPLICATIONS_ON_TIME)).isNull();
        assertThat(MetricTotals.NONE.value(Metric.SHARED_SHARE)).isZero();
        assertThat(MetricTotals.NONE.value(Metric.VIOLATIONS)).isZero();
    }

    @Test
    void leavingOutMetricsWithoutRecordsAsTheTableDoesChangesNoValueForRandomRecords() {
        Random random = new Random(20261207);
        for (int round = 0; round < 200; round++) {
            Map<Metric, List<MetricRecord>> records = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                List<MetricRecord> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    long amount = random.nextInt(1000);
                    Boolean good = metric.kind() == Metric.Kind.RATIO ? random.nextBoolean() : null;
                    list.add(new MetricRecord("x", i, "", DAY, good, amount, amount + random.nextInt(100)));
                }
                records.put(metric, list);
            }
            MetricValues.Evidence evidence = new MetricValues.Evidence(new HashMap<>(Map.of(1L, records)));
            Map<Metric, MetricTotals> stored = new EnumMap<>(Metric.class);
            MetricValues.totals(evidence, 1).forEach((metric, totals) -> {
                if (totals.records() > 0) {
                    stored.put(metric, totals);
                }
            });
            assertThat(MetricValues.values(stored)).isEqualTo(MetricValues.values(evidence, 1));
        }
    }
}

package cn.govdata.supervise.metric;

import java.util.List;

/**
 * What a metric's value is computed from, summed over the records behind it: the row kept per department, year
 * and metric in {@code supervise_metric_fact}, so that a scorecard needs no record at all.
 *
 * @param records how many records there are
 * @param goodRecords how many of them count in the metric's favour
 * @param amount their amounts added up (entries, records, rows accepted)
 * @param goodAmount the amounts of those in favour
 * @param outOf what the amounts are out of (rows read)
 */
record MetricTotals(long records, long goodRecords, long amount, long goodAmount, long outOf) {

    static final MetricTotals NONE = new MetricTotals(0, 0, 0, 0, 0);

    static MetricTotals of(List<MetricRecord> records) {
        long good = 0;
        long amount = 0;
        long goodAmount = 0;
        long outOf = 0;
        for (MetricRecord record : records) {
            boolean inFavour = Boolean.TRUE.equals(record.good());
            good += inFavour ? 1 : 0;
            amount += record.amount();
            goodAmount += inFavour ? record.amount() : 0;
            outOf += record.outOf();
        }
        return new MetricTotals(records.size(), good, amount, goodAmount, outOf);
    }

    /** The metric's value: a count's amount, or a ratio (null when there is nothing to measure). */
    Double value(Metric metric) {
        return switch (metric) {
            // a department without published entries shares nothing (0, not "no value")
            case SHARED_SHARE -> amount == 0 ? 0.0 : round(goodAmount / (double) amount);
            case ACCEPTED_ROW_SHARE -> outOf == 0 ? null : round(amount / (double) outOf);
            default -> metric.kind() == Metric.Kind.RATIO
                    ? (records == 0 ? null : round(goodRecords / (double) records))
                    : Double.valueOf(amount);
        };
    }

    private static double round(double ratio) {
        return Math.round(ratio * 10000) / 10000.0;
    }
}

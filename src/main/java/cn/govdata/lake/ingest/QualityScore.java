package cn.govdata.lake.ingest;

/**
 * The quality of one delivery (AGG-4), each dimension between 0 and 1:
 *
 * @param completeness share of the accepted records' data items that carry a value
 * @param validity share of the records read that passed every rule
 * @param uniqueness share of the records read whose key was not repeated within the delivery
 * @param timeliness 1 when the delivery came while the dataset was on time against its update cycle, else 0
 */
record QualityScore(double completeness, double validity, double uniqueness, double timeliness) {

    /** The four dimensions weighted equally. */
    double overall() {
        return round((completeness + validity + uniqueness + timeliness) / 4);
    }

    static QualityScore of(long read, long accepted, long duplicates, long filledValues, long values, boolean onTime) {
        return new QualityScore(values == 0 ? 0 : round((double) filledValues / values),
                read == 0 ? 0 : round((double) accepted / read), read == 0 ? 0 : round(1 - (double) duplicates / read),
                onTime ? 1 : 0);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

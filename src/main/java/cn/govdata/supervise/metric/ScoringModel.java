package cn.govdata.supervise.metric;

import java.util.EnumMap;
import java.util.Map;

import cn.govdata.policy.PolicyProfile.Supervision;

/**
 * The scoring model of the profile (SUP-1): the weighted mean of the department's ratio metrics that have a
 * value, as points out of 100, less a penalty per violation detected in the year, never below 0; graded by the
 * profile's thresholds. Metrics without a value are left out of the mean (their weight with them).
 */
public final class ScoringModel {

    /** The grades, with the label a clerk reads. */
    public enum Grade {
        EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), FAIL("不合格");

        private final String label;

        Grade(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Supervision model;
    private final Map<Metric, Double> weights = new EnumMap<>(Metric.class);

    /** @throws IllegalArgumentException for a weight on a metric that is not a ratio or does not exist */
    public ScoringModel(Supervision model) {
        this.model = model;
        model.weights().forEach((key, weight) -> {
            Metric metric = Metric.byKey(key).orElseThrow(() -> new IllegalArgumentException(
                    "supervision.weights." + key + " is not a metric; use one of the ratios in docs/supervision.md"));
            if (metric.kind() != Metric.Kind.RATIO || weight < 0) {
                throw new IllegalArgumentException("supervision.weights." + key
                        + " must weigh a ratio metric with a weight of 0 or more");
            }
            weights.put(metric, weight);
        });
    }

    public String methodVersion() {
        return model.methodVersion();
    }

    public Map<Metric, Double> weights() {
        return Map.copyOf(weights);
    }

    public double score(Map<Metric, Double> values) {
        double weighted = 0;
        double total = 0;
        for (Map.Entry<Metric, Double> weight : weights.entrySet()) {
            Double value = values.get(weight.getKey());
            if (value != null) {
                weighted += weight.getValue() * value;
                total += weight.getValue();
            }
        }
        double base = total == 0 ? 0 : 100 * weighted / total;
        Double violations = values.get(Metric.VIOLATIONS);
        double penalty = violations == null ? 0 : violations * model.violationPenalty();
        return Math.round(Math.max(0, base - penalty) * 10) / 10.0;
    }

    public Grade grade(double score) {
        if (score >= model.excellent()) {
            return Grade.EXCELLENT;
        }
        if (score >= model.good()) {
            return Grade.GOOD;
        }
        return score >= model.pass() ? Grade.PASS : Grade.FAIL;
    }
}

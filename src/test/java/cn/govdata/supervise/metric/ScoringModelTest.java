package cn.govdata.supervise.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.govdata.policy.PolicyProfile.Supervision;

class ScoringModelTest {

    private final ScoringModel model = new ScoringModel(new Supervision("test-1",
            Map.of("sharedShare", 30.0, "applicationsOnTime", 70.0), 2.0, 90, 75, 60, 10, null));

    private static Map<Metric, Double> values(Double shared, Double applications, double violations) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.SHARED_SHARE, shared);
        values.put(Metric.APPLICATIONS_ON_TIME, applications);
        values.put(Metric.VIOLATIONS, violations);
        values.put(Metric.ENTRIES, 1000.0);  // counts weigh nothing
        return values;
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheRatiosLessThePenaltyPerViolation() {
        assertThat(model.score(values(1.0, 0.5, 0))).isEqualTo(65.0);
        assertThat(model.score(values(1.0, 0.5, 3))).isEqualTo(59.0);
        assertThat(model.score(values(0.0, 0.0, 100))).isEqualTo(0.0);
    }

    @Test
    void aMetricWithoutValueLeavesTheMeanWithItsWeight() {
        assertThat(model.score(values(0.8, null, 0))).isEqualTo(80.0);
        assertThat(model.score(values(null, null, 0))).isEqualTo(0.0);
    }

    @Test
    void gradesFollowTheThresholds() {
        assertThat(model.grade(90)).isEqualTo(ScoringModel.Grade.EXCELLENT);
        assertThat(model.grade(89.9)).isEqualTo(ScoringModel.Grade.GOOD);
        assertThat(model.grade(60)).isEqualTo(ScoringModel.Grade.PASS);
        assertThat(model.grade(59.9).label()).isEqualTo("不合格");
        assertThat(model.methodVersion()).isEqualTo("test-1");
    }

    @Test
    void aWeightOnAnUnknownMetricOrACountIsRefused() {
        assertThatThrownBy(() -> new ScoringModel(new Supervision("x", Map.of("speed", 1.0), 0.0, 90, 75, 60, 10,
                null))).hasMessageContaining("supervision.weights.speed");
        assertThatThrownBy(() -> new ScoringModel(new Supervision("x", Map.of("entries", 1.0), 0.0, 90, 75, 60, 10,
                null))).hasMessageContaining("ratio");
    }
}

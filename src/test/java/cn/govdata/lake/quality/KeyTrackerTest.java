package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyTrackerTest {

    @Test
    void reportsTheRowWhereAKeyFirstAppeared() {
        KeyTracker keys = new KeyTracker(List.of("gmsfhm"));
        assertThat(keys.duplicateOf(Map.of("gmsfhm", "A1"), 2)).isZero();
        assertThat(keys.duplicateOf(Map.of("gmsfhm", "B2"), 3)).isZero();
        assertThat(keys.duplicateOf(Map.of("gmsfhm", " A1 "), 4)).as("blanks do not matter").isEqualTo(2);
        assertThat(keys.duplicateOf(Map.of("gmsfhm", "A1"), 5)).as("still the first row").isEqualTo(2);
        assertThat(keys.duplicateOf(Map.of("gmsfhm", "a1"), 6)).as("case matters").isZero();
        assertThat(keys.size()).isEqualTo(3);
    }

    @Test
    void compositeKeysKeepTheirPartsApart() {
        KeyTracker keys = new KeyTracker(List.of("a", "b"));
        assertThat(keys.duplicateOf(Map.of("a", "ab", "b", "c"), 1)).isZero();
        assertThat(keys.duplicateOf(Map.of("a", "a", "b", "bc"), 2)).isZero();
        assertThat(keys.duplicateOf(Map.of("a", "ab", "b", "c"), 3)).isEqualTo(1);
    }

    @Test
    void aDuplicateIsAQualityFailureThatDoesNotQuoteTheKey() {
        KeyTracker keys = new KeyTracker(List.of("gmsfhm", "yxqq"));
        Map<String, String> record = Map.of("gmsfhm", "37060219800517123X", "yxqq", "2020-01-01");
        assertThat(keys.duplicate(record, 2)).isNull();
        assertThat(keys.duplicate(record, 9)).isEqualTo(
                new QualityFailure("gmsfhm+yxqq", ReasonCode.DUPLICATE_KEY, "2"));
        assertThat(keys.duplicate(record, 9).rule()).isEqualTo(RuleCode.DUPLICATE_KEY);
    }

    @Test
    void incompleteKeysAreNeitherRememberedNorDuplicates() {
        KeyTracker keys = new KeyTracker(List.of("a", "b"));
        assertThat(keys.duplicateOf(Map.of("a", "x"), 1)).isZero();
        assertThat(keys.duplicateOf(Map.of("a", "x", "b", " "), 2)).isZero();
        assertThat(keys.size()).isZero();
    }

    @Test
    void staysExactAcrossGrowthWithManyKeys() {
        KeyTracker keys = new KeyTracker(List.of("id"));
        int n = 300_000;
        for (int row = 1; row <= n; row++) {
            assertThat(keys.duplicateOf(Map.of("id", "K" + row), row)).isZero();
        }
        for (int row = 1; row <= n; row += 997) {
            assertThat(keys.duplicateOf(Map.of("id", "K" + row), n + row)).isEqualTo(row);
        }
        assertThat(keys.size()).isEqualTo(n);
        assertThat(keys.tableBytes()).as("20 bytes a slot, at most 70 % full").isLessThanOrEqualTo((long) (20L * 2 * n / 0.7) + 20);
    }

    @Test
    void needsAKeyAndRowNumbersFromOne() {
        assertThatThrownBy(() -> new KeyTracker(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyTracker(List.of("a")).duplicateOf(Map.of("a", "x"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

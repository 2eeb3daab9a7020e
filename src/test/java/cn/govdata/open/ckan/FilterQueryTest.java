package cn.govdata.open.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.open.ckan.FilterQuery.Clause;

/** The Solr clauses CKAN clients send in fq, and the ones refused rather than guessed at. */
class FilterQueryTest {

    @Test
    void clausesWithPlainQuotedAlternativeAndExcludedValues() {
        List<Clause> clauses = FilterQuery.parse("+organization:11370600mb0000017 tags:\"联系 电话\" -name:a-b "
                + "res_format:(CSV OR \"JSON\") groups:*");
        assertThat(clauses).extracting(Clause::field).containsExactly("organization", "tags", "name", "res_format", "groups");
        assertThat(clauses.get(1).values()).containsExactly("联系 电话");
        assertThat(clauses.get(2).excluded()).isTrue();
        assertThat(clauses.get(3).values()).containsExactly("CSV", "JSON");
        assertThat(clauses.get(4).any()).isTrue();
        assertThat(FilterQuery.parse("*:*")).isEmpty();
    }

    @Test
    void dateRangesInUtcWithFractionsZonesAndExclusiveBoundsExactToTheMicrosecond() {
        Clause range = FilterQuery.parse("metadata_modified:[2026-05-01T08:00:00.1234567Z TO 2026-05-02T00:00:00+08:00}")
                .get(0);
        assertThat(range.from().inclusive()).isTrue();
        assertThat(range.from().at()).as("an inclusive lower bound rounds up").isEqualTo(
                Instant.parse("2026-05-01T08:00:00.123457Z"));
        assertThat(range.to().inclusive()).isFalse();
        assertThat(range.to().at()).isEqualTo(Instant.parse("2026-05-01T16:00:00Z"));
        Clause open = FilterQuery.parse("metadata_modified:{2026-05-01T08:00:00.1234567 TO *]").get(0);
        assertThat(open.from().at()).as("an exclusive lower bound rounds down").isEqualTo(
                Instant.parse("2026-05-01T08:00:00.123456Z"));
        assertThat(open.to()).isNull();
        assertThat(FilterQuery.parse("metadata_modified:[* TO *]").get(0).any()).isTrue();
        assertThat(FilterQuery.parse("metadata_created:[NOW-1DAY TO NOW]").get(0).from().at())
                .isBefore(Instant.now().minusSeconds(86_000));
        assertThat(FilterQuery.parse("metadata_modified:[2026-05-01 TO *]").get(0).from().at())
                .isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }

    @Test
    void whatIsNotAClauseIsASearchQueryError() {
        for (String bad : List.of("just words", "field:", "metadata_modified:[2026-01-01 TO", "x:[1 2]",
                "metadata_modified:[yesterday TO *]", "tags:\"open")) {
            assertThatThrownBy(() -> FilterQuery.parse(bad)).as(bad).isInstanceOf(CkanError.class)
                    .extracting(e -> ((CkanError) e).body().get("__type")).isEqualTo("Search Query Error");
        }
    }
}

package cn.govdata.supervise.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard's arithmetic: age buckets of overdue work, the region's median, the kind of a deadline. */
class DashboardsTest {

    @Test
    void workingDaysOverdueFallIntoTheirBuckets() {
        assertThat(List.of(0, 1, 5, 6, 10, 11, 20, 21, 300).stream().map(Dashboards::bucket).toList())
                .containsExactly(0, 0, 0, 1, 1, 2, 2, 3, 3);
    }

    @Test
    void theMedianSkipsMissingValues() {
        assertThat(Dashboards.median(Arrays.asList(3.0, null, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Dashboards.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Dashboards.median(Arrays.asList((Double) null))).isNull();
    }

    @Test
    void aDeadlinesKindIsTheFirstPartOfItsKey() {
        assertThat(Dashboards.kind("share-application:42:PROVIDER")).isEqualTo("share-application");
        assertThat(Dashboards.kind("org-filing:7")).isEqualTo("org-filing");
    }
}

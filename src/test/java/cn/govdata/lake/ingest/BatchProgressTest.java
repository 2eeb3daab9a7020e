package cn.govdata.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The time left of a running batch, from how much of its file it has read and how long that took. */
class BatchProgressTest {

    private static OffsetDateTime secondsAgo(int seconds) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(seconds);
    }

    @Test
    void theTimeLeftIsTheElapsedTimeScaledByWhatIsUnread() {
        assertThat(BulkIngestion.secondsLeft(secondsAgo(10), 1_000L, 500L)).isBetween(10L, 11L);
        assertThat(BulkIngestion.secondsLeft(secondsAgo(30), 1_000L, 750L)).isBetween(10L, 11L);
    }

    @Test
    void aFileReadToTheEndHasNothingLeftToRead() {
        assertThat(BulkIngestion.secondsLeft(secondsAgo(5), 1_000L, 1_000L)).isZero();
    }

    @Test
    void theEstimateIsUnknownBeforeATwentiethIsReadOrWhenTheReaderCannotSay() {
        assertThat(BulkIngestion.secondsLeft(secondsAgo(2), 1_000L, 49L)).isNull();
        assertThat(BulkIngestion.secondsLeft(secondsAgo(2), 1_000L, null)).isNull();
        assertThat(BulkIngestion.secondsLeft(null, 1_000L, 500L)).isNull();
        assertThat(BulkIngestion.secondsLeft(secondsAgo(2), 0L, 0L)).isNull();
    }
}

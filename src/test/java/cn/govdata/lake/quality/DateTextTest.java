package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

    private static final long MAY_17 = LocalDate.of(1980, 5, 17).toEpochDay();
    private static final long MAY_17_NOON = DateText.seconds(LocalDateTime.of(1980, 5, 17, 12, 30, 5));

    @ParameterizedTest
    @ValueSource(strings = { "1980-05-17", "1980/05/17", "1980.05.17", "19800517", "1980年5月17日", "1980年05月17日",
            "1980-5-17", "1980/5/17" })
    void readsTheDateFormatsDepartmentsUse(String text) {
        assertThat(DateText.date(text)).as(text).isEqualTo(MAY_17);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1980-05-32", "1980-02-30", "1981-02-29", "1980-13-01", "1980-00-10", "1980-05/17",
            "80-05-17", "1980-005-17", "1980年5月17", "1980年5月17日x", "19800532", "1980517", "abcd-ef-gh",
            "1980-05-17 12:00:00", "0000-01-01", "", "1980--05-17" })
    void refusesWhatIsNotARealDateInThoseFormats(String text) {
        assertThat(DateText.date(text)).as(text).isEqualTo(DateText.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1980-05-17 12:30:05", "1980/05/17 12:30:05", "1980-05-17T12:30:05", "19800517123005",
            "1980年5月17日 12:30:05", "1980年5月17日12:30:05", "1980-05-17 12:30:05.0", "1980-05-17 12:30:05.123456" })
    void readsDateTimes(String text) {
        assertThat(DateText.dateTime(text)).as(text).isEqualTo(MAY_17_NOON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1980-05-17", "1980-05-17 24:00:00", "1980-05-17 12:60:00", "1980-05-17 12:30:61",
            "1980-05-17 12:30:05.", "1980-05-17 12:30:05.1234567890", "1980-05-17 123:00:00", "1980-05-17  12:30:05",
            "19800517243005", "1980-02-30 12:00:00", "1980-05-17 12:3" })
    void refusesBrokenDateTimes(String text) {
        assertThat(DateText.dateTime(text)).as(text).isEqualTo(DateText.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1980-05-17 9:05", "1980-05-17 09:05:00" })
    void acceptsShortHoursAndMissingSeconds(String text) {
        assertThat(DateText.dateTime(text)).isEqualTo(DateText.seconds(LocalDateTime.of(1980, 5, 17, 9, 5)));
    }

    @org.junit.jupiter.api.Test
    void computesEpochDaysLikeJavaTime() {
        for (LocalDate d = LocalDate.of(1600, 1, 1); d.isBefore(LocalDate.of(2401, 1, 1)); d = d.plusDays(7)) {
            assertThat(DateText.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).as(d.toString())
                    .isEqualTo(d.toEpochDay());
        }
    }
}

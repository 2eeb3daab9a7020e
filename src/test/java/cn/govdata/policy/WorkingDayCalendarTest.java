package cn.govdata.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.flywaydb.core.Flyway;

import cn.govdata.policy.WorkingDayCalendar.Deadline;
import cn.govdata.policy.WorkingDayCalendar.Reason;
import tools.jackson.databind.json.JsonMapper;

/** The deadline rules on the State Council's real 2025–2026 arrangements. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar calendar = calendar();

    static WorkingDayCalendar calendar() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:calendar-unit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).load().migrate();
        return new WorkingDayCalendar(JsonMapper.builder().build(), JdbcClient.create(db));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void theDayOfTheEventIsNotCounted() {
        // Friday + 1 working day = the next Monday, not the Friday itself
        Deadline deadline = calendar.dueAfter(d("2026-11-20"), 1);
        assertThat(deadline.due()).isEqualTo(d("2026-11-23"));
        assertThat(deadline.skipped()).extracting(WorkingDayCalendar.SkippedDay::reason)
                .containsExactly(Reason.WEEKEND, Reason.WEEKEND);
    }

    @Test
    void nationalDayHolidaysAreSkippedAndNamed() {
        Deadline deadline = calendar.dueAfter(d("2026-09-30"), 1);
        assertThat(deadline.due()).isEqualTo(d("2026-10-08"));
        assertThat(deadline.skipped()).hasSize(7).allSatisfy(day -> {
            assertThat(day.reason()).isEqualTo(Reason.HOLIDAY);
            assertThat(day.name()).isEqualTo("国庆节");
        });
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).as("调休 Saturday").isTrue();
        assertThat(calendar.dueAfter(d("2026-10-09"), 1).due()).isEqualTo(d("2026-10-10"));
        assertThat(calendar.dueAfter(d("2026-02-13"), 1).due()).as("Spring Festival make-up Saturday")
                .isEqualTo(d("2026-02-14"));
    }

    @Test
    void tenWorkingDaysAcrossTheNationalDayWeek() {
        // YT21/NX11: a share application received on Friday 25 September 2026
        assertThat(calendar.dueAfter(d("2026-09-25"), 10).due()).isEqualTo(d("2026-10-15"));
    }

    @Test
    void anEventOnAHolidayCountsFromTheNextWorkingDay() {
        assertThat(calendar.dueAfter(d("2026-02-16"), 1).due()).isEqualTo(d("2026-02-24"));
        assertThat(calendar.dueAfter(d("2025-10-03"), 7).due()).as("11 October 2025 is a make-up Saturday")
                .isEqualTo(d("2025-10-16"));
    }

    @Test
    void aYearWithoutAnArrangementIsWeekendsOnlyAndSaysSo() {
        Deadline deadline = calendar.dueAfter(d("2028-03-01"), 1);
        assertThat(deadline.due()).isEqualTo(d("2028-03-02"));
        assertThat(deadline.unknownYears()).containsExactly(2028);
        assertThat(calendar.dueAfter(d("2026-12-29"), 5).unknownYears()).containsExactly(2027);
        assertThat(calendar.dueAfter(d("2026-11-02"), 5).unknownYears()).isEmpty();
        assertThat(calendar.isKnown(2026)).isTrue();
        assertThat(calendar.isKnown(2027)).isFalse();
    }

    @Test
    void zeroWorkingDaysIsTheDayItself() {
        assertThat(calendar.dueAfter(d("2026-10-01"), 0).due()).isEqualTo(d("2026-10-01"));
    }

    @Test
    void anInstantIsTakenAsItsDateInBeijing() {
        // 23:30 UTC on 19 Nov is already Friday 20 Nov in Beijing
        assertThat(calendar.dueAfter(Instant.parse("2026-11-19T23:30:00Z"), 1).due()).isEqualTo(d("2026-11-23"));
    }

    @Test
    void workingDaysBetweenDatesCountsLateness() {
        assertThat(calendar.workingDaysBetween(d("2026-09-25"), d("2026-10-15"))).isEqualTo(10);
        assertThat(calendar.workingDaysBetween(d("2026-10-15"), d("2026-09-25"))).isEqualTo(-10);
    }

    @Test
    void negativePeriodsAreRefused() {
        assertThatThrownBy(() -> calendar.dueAfter(d("2026-10-01"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.dueAfterCalendarDays(d("2026-10-01"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void calendarDayPeriodsDoNotSkipHolidays() {
        // FZ18's 15 days are calendar days: from 25 Sep 2026 they run through the National Day week
        assertThat(calendar.dueAfterCalendarDays(d("2026-09-25"), 15)).isEqualTo(d("2026-10-10"));
    }
}

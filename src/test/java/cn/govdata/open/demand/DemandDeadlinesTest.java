package cn.govdata.open.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.WorkingDayCalendar;
import jakarta.validation.Validation;
import tools.jackson.databind.json.JsonMapper;

/** The periods of a demand request per profile: FZ18's calendar days, none elsewhere, none at all without open data. */
class DemandDeadlinesTest {

    /** 2026-03-31 23:30 in Beijing is already 2026-04-01 there: the day of the request is Beijing's. */
    private static final Instant LATE_EVENING = Instant.parse("2026-03-31T16:30:00Z");

    private static DemandDeadlines in(String profile) {
        ActivePolicy policy = mock(ActivePolicy.class);
        when(policy.profile()).thenReturn(ActivePolicy.load(profile, JsonMapper.builder().build(),
                Validation.buildDefaultValidatorFactory().getValidator()));
        WorkingDayCalendar calendar = mock(WorkingDayCalendar.class);
        when(calendar.dueAfterCalendarDays(any(), anyInt()))
                .thenAnswer(call -> call.<LocalDate>getArgument(0).plusDays(call.<Integer>getArgument(1)));
        return new DemandDeadlines(policy, calendar, new DemandSettings(15));
    }

    @Test
    void fuzhouAnswersWithinFifteenDaysAndReviewsAnObjectionWithinTen() {
        DemandDeadlines fuzhou = in("fuzhou");
        assertThat(fuzhou.offered()).isTrue();
        assertThat(fuzhou.replyDue(LATE_EVENING)).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(fuzhou.reviewDue(LATE_EVENING)).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(fuzhou.objectionOpenUntil(LATE_EVENING)).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(fuzhou.basis()).isEqualTo("FZ18");
    }

    @Test
    void yantaiAndAbaTakeRequestsWithoutAPeriod() {
        for (String profile : new String[] { "yantai", "aba" }) {
            DemandDeadlines deadlines = in(profile);
            assertThat(deadlines.offered()).as(profile).isTrue();
            assertThat(deadlines.replyDue(LATE_EVENING)).as(profile).isNull();
            assertThat(deadlines.reviewDue(LATE_EVENING)).as(profile).isNull();
        }
    }

    @Test
    void ningxiaAndTaijiangOpenNoDataSoTakeNoRequests() {
        assertThat(in("ningxia").offered()).isFalse();
        assertThat(in("taijiang").offered()).isFalse();
    }
}

package cn.govdata.supervise.violation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.support.ApiIntegrationTest;

/** The scheduled detection runs once per day in a cluster: the first node to claim the day runs it. */
class DetectionScheduleTest extends ApiIntegrationTest {

    @Autowired
    private DetectionSchedule schedule;

    @Test
    void aDayIsClaimedOnceWhoeverAsksAgain() {
        LocalDate day = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
        assertThat(schedule.claim(day)).isTrue();
        assertThat(schedule.claim(day)).isFalse();
        assertThat(schedule.claim(day.plusDays(1))).isTrue();
    }
}

package cn.govdata.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

class CalendarApiTest extends ApiIntegrationTest {

    @Test
    void aDeadlineAnswersWithTheDueDateTheSkippedDaysAndWarnings() {
        Api admin = admin();
        Api.Response answer = admin.get("/api/v1/calendar/deadline?from=2026-09-30&workingDays=1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("from")).isEqualTo("2026-09-30");
        assertThat(answer.json().get("workingDays").asInt()).isEqualTo(1);
        assertThat(answer.text("due")).isEqualTo("2026-10-08");
        assertThat(answer.json().get("skipped").size()).isEqualTo(7);
        assertThat(answer.json().get("warnings").isEmpty()).isTrue();

        Api.Response future = admin.get("/api/v1/calendar/deadline?from=2030-03-01&workingDays=3");
        assertThat(future.json().get("warnings").get(0).asString()).contains("2030").contains("尚未公布");
        Api.Response english = admin.inLanguage("en").get("/api/v1/calendar/deadline?from=2030-03-01&workingDays=3");
        assertThat(english.json().get("warnings").get(0).asString()).contains("weekends only");
    }

    @Test
    void nonsenseDatesAndDayCountsAreClearProblems() {
        Api admin = admin();
        assertThat(admin.get("/api/v1/calendar/deadline?from=2026-02-30&workingDays=1").code()).isEqualTo("INVALID_DATE");
        assertThat(admin.get("/api/v1/calendar/deadline?from=abc&workingDays=1").code()).isEqualTo("INVALID_DATE");
        assertThat(admin.get("/api/v1/calendar/deadline?workingDays=1").code()).isEqualTo("INVALID_DATE");
        assertThat(admin.get("/api/v1/calendar/deadline?from=2026-01-05&workingDays=-1").code())
                .isEqualTo("INVALID_WORKING_DAYS");
        assertThat(admin.get("/api/v1/calendar/deadline?from=2026-01-05&workingDays=ten").code())
                .isEqualTo("INVALID_WORKING_DAYS");
        assertThat(admin.get("/api/v1/calendar/3000").code()).isEqualTo("INVALID_CALENDAR");
    }

    @Test
    void aYearListsEveryDayWithHolidaysAndMakeUpDays() {
        Api.Response year = admin().get("/api/v1/calendar/2026");
        assertThat(year.json().get("known").asBoolean()).isTrue();
        assertThat(year.json().get("days").size()).isEqualTo(365);
        var firstOctober = year.json().get("days").get(273);
        assertThat(firstOctober.get("date").asString()).isEqualTo("2026-10-01");
        assertThat(firstOctober.get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(year.json().get("days").get(282).get("kind").asString()).as("10 October").isEqualTo("MAKEUP_WORKDAY");
    }

    @Test
    void theAuthorityEntersANewYearAndDeadlinesFollowIt() {
        Api admin = admin();
        Api.Response before = admin.get("/api/v1/calendar/deadline?from=2098-12-31&workingDays=1");
        assertThat(before.text("due")).isEqualTo("2099-01-01");
        assertThat(before.json().get("unknownYears").toString()).contains("2099");

        Api.Response entered = admin.put("/api/v1/calendar/2099", Map.of("source", "国务院办公厅通知（测试）", "days",
                List.of(Map.of("date", "2099-01-01", "offDay", true, "name", "元旦"))));
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        assertThat(entered.json().get("entered").asBoolean()).isTrue();

        Api.Response after = admin.get("/api/v1/calendar/deadline?from=2098-12-31&workingDays=1");
        assertThat(after.text("due")).isEqualTo("2099-01-02");
        assertThat(after.json().get("unknownYears").toString()).doesNotContain("2099");
    }

    @Test
    void onlyTheAuthoritysSystemAdministratorEntersAYearAndBadArrangementsAreRefused() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "日历局");
        LoggedIn user = newUser(admin, dept.id(), Role.DEPARTMENT_ADMIN);
        Api.Response forbidden = user.api().put("/api/v1/calendar/2098",
                Map.of("days", List.of(Map.of("date", "2098-01-01", "offDay", true, "name", "元旦"))));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(user.api().get("/api/v1/calendar/deadline?from=2026-01-05&workingDays=3").status()).isEqualTo(200);

        Api.Response outside = admin.put("/api/v1/calendar/2098",
                Map.of("days", List.of(Map.of("date", "2097-06-01", "offDay", true, "name", "x"))));
        assertThat(outside.code()).isEqualTo("INVALID_CALENDAR");
        Api.Response twice = admin.put("/api/v1/calendar/2098", Map.of("days", List.of(
                Map.of("date", "2098-01-01", "offDay", true), Map.of("date", "2098-01-01", "offDay", true))));
        assertThat(twice.code()).isEqualTo("INVALID_CALENDAR");
        Api.Response weekdayMakeUp = admin.put("/api/v1/calendar/2098",
                Map.of("days", List.of(Map.of("date", "2098-01-07", "offDay", false))));
        assertThat(weekdayMakeUp.code()).isEqualTo("INVALID_CALENDAR");
        assertThat(admin.get("/api/v1/calendar/2098").json().get("entered").asBoolean()).isFalse();
    }

    @Test
    void thePolicyInForceIsShown() {
        Api.Response policy = admin().get("/api/v1/policy");
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.text("id")).isEqualTo("yantai");
        assertThat(policy.json().get("shareApplication").get("replyWorkingDays").asInt()).isEqualTo(10);
        assertThat(policy.json().get("shareTypes").get("NOT_SHARED").get("zh").asString()).isEqualTo("不予共享");
    }
}

package cn.govdata.share.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.TestCalendars;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.Stage;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;

/** Objections on their own: routing per profile, the check's due date and its one extension on the real calendar. */
class ObjectionRulesTest {

    private static final WorkingDayCalendar calendar = TestCalendars.real();

    private static PolicyProfile.Objection rules(String id) {
        return ActivePolicy.load(id, JsonMapper.builder().build(),
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator()).objection();
    }

    @ParameterizedTest
    @CsvSource({ "yantai, PROVIDER", "ningxia, PROVIDER", "aba, PROVIDER", "taijiang, AUTHORITY", "fuzhou, AUTHORITY" })
    void aConsumersObjectionGoesWhereTheRegulationSendsIt(String profile, Stage expected) {
        assertThat(ObjectionRules.firstStage(rules(profile).route(), false, false)).isEqualTo(expected);
    }

    @Test
    void viaTheAuthorityOnlyWhenThereIsSomethingToForward() {
        var viaAuthority = rules("taijiang").route();
        assertThat(ObjectionRules.firstStage(viaAuthority, true, false)).as("raised by the authority itself")
                .isEqualTo(Stage.PROVIDER);
        assertThat(ObjectionRules.firstStage(viaAuthority, false, true)).as("the authority holds the data")
                .isEqualTo(Stage.PROVIDER);
    }

    @Test
    void abaChecksWithinSevenWorkingDaysCountedFromTheBeijingDateAcrossNationalDay() {
        // 00:30 on Friday 25 September 2026 in Beijing is still 24 September in UTC
        Instant raised = Instant.parse("2026-09-24T16:30:00Z");
        // 28, 29, 30 September; 1–7 October are the holiday; 8, 9, Saturday 10 (a make-up working day), 12 October
        assertThat(ObjectionRules.due(calendar, rules("aba"), raised)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void oneExtensionOfAtMostSevenWorkingDaysRunsFromTheDueDate() {
        PolicyProfile.Objection aba = rules("aba");
        LocalDate due = LocalDate.of(2026, 9, 29);
        // 30 September, then the holiday, then 8, 9, 10 (make-up), 12, 13, 14 October
        assertThat(ObjectionRules.extended(calendar, aba, due, 7)).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(ObjectionRules.extended(calendar, aba, due, 1)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> ObjectionRules.extended(calendar, aba, due, 8)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ProblemCode.EXTENSION_TOO_LONG);
        assertThatThrownBy(() -> ObjectionRules.extended(calendar, aba, due, 0)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ProblemCode.EXTENSION_TOO_LONG);
    }

    @ParameterizedTest
    @CsvSource({ "yantai", "ningxia", "taijiang", "fuzhou" })
    void inTimeMeansNoDueDateAndNothingToExtend(String profile) {
        PolicyProfile.Objection rules = rules(profile);
        assertThat(ObjectionRules.due(calendar, rules, Instant.now())).isNull();
        assertThatThrownBy(() -> ObjectionRules.extended(calendar, rules, LocalDate.of(2026, 9, 29), 3))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ProblemCode.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void overdueOnlyAfterTheDueDay() {
        LocalDate due = LocalDate.of(2026, 10, 12);
        assertThat(Deadlines.overdue(due, due)).isFalse();
        assertThat(Deadlines.overdue(due, due.plusDays(1))).isTrue();
        assertThat(Deadlines.overdue(null, due.plusYears(1))).isFalse();
    }

    @Test
    void dueSoonCountsWorkingDaysAcrossNationalDay() {
        LocalDate due = LocalDate.of(2026, 10, 12);
        assertThat(Deadlines.dueSoon(calendar, due, LocalDate.of(2026, 9, 30), 2)).as("8, 9, 10, 12 October")
                .isFalse();
        assertThat(Deadlines.dueSoon(calendar, due, LocalDate.of(2026, 10, 7), 2)).as("a holiday: still 4")
                .isFalse();
        assertThat(Deadlines.dueSoon(calendar, due, LocalDate.of(2026, 10, 8), 2)).as("9, 10, 12 October")
                .isFalse();
        assertThat(Deadlines.dueSoon(calendar, due, LocalDate.of(2026, 10, 9), 2))
                .as("the make-up Saturday 10 and 12 October").isTrue();
        assertThat(Deadlines.dueSoon(calendar, due, due, 2)).isTrue();
        assertThat(Deadlines.dueSoon(calendar, due, due.plusDays(1), 2)).as("overdue instead").isFalse();
        assertThat(Deadlines.dueSoon(calendar, null, due, 2)).isFalse();
    }
}

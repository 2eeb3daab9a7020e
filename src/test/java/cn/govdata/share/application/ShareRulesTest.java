package cn.govdata.share.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.govdata.catalog.LegalBasis;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.Approver;
import cn.govdata.policy.TestCalendars;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.RowFilter;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.application.ShareForms.ApplicationForm;
import cn.govdata.share.application.ShareForms.Approval;
import cn.govdata.share.application.ShareForms.ConditionForm;
import cn.govdata.share.application.ShareForms.Refusal;
import cn.govdata.share.application.ShareForms.RowFilterForm;
import cn.govdata.share.application.ShareRules.Checked;
import cn.govdata.share.application.ShareRules.Kind;
import cn.govdata.share.application.ShareRules.Narrowed;
import cn.govdata.share.common.Deadlines;
import cn.govdata.share.common.Stage;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;
import tools.jackson.databind.json.JsonMapper;

/** The sharing rules on their own: routing per profile, reply deadlines on the real calendar, narrowing, refusals. */
class ShareRulesTest {

    private static final WorkingDayCalendar calendar = TestCalendars.real();
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 25);
    private static final List<String> ENTRY_ITEMS = List.of("gmsfhm", "xm", "xzqh", "zz", "sjhm");

    private static PolicyProfile profile(String id) {
        return ActivePolicy.load(id, JsonMapper.builder().build(),
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());
    }

    private static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.location() + ":" + v.code()).toList();
    }

    // --- routing ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({ "yantai, PROVIDER", "ningxia, PROVIDER", "aba, PROVIDER", "taijiang, AUTHORITY", "fuzhou, AUTHORITY" })
    void eachShippedProfileRoutesToTheApproverItsRegulationNames(String profile, Stage expected) {
        Approver approver = profile(profile).shareApplication().approver();
        assertThat(ApprovalRoute.stages(approver, false)).containsExactly(expected);
    }

    @Test
    void providerThenAuthorityGoesToBothInTurnUnlessTheProviderIsTheAuthority() {
        List<Stage> stages = ApprovalRoute.stages(Approver.PROVIDER_THEN_AUTHORITY, false);
        assertThat(stages).containsExactly(Stage.PROVIDER, Stage.AUTHORITY);
        assertThat(ApprovalRoute.next(stages, Stage.PROVIDER)).isEqualTo(Stage.AUTHORITY);
        assertThat(ApprovalRoute.next(stages, Stage.AUTHORITY)).isNull();
        assertThat(ApprovalRoute.stages(Approver.PROVIDER_THEN_AUTHORITY, true)).containsExactly(Stage.PROVIDER);
        assertThat(ApprovalRoute.next(ApprovalRoute.stages(Approver.PROVIDER, false), Stage.PROVIDER)).isNull();
    }

    // --- deadlines --------------------------------------------------------------------------------------------

    @Test
    void theReplyIsDueTenWorkingDaysLaterInYantaiAcrossTheMidAutumnAndNationalDayHolidays() {
        // received on the Mid-Autumn holiday 25 Sep 2026; 1–7 Oct off, Saturday 10 Oct a make-up working day
        Instant received = Instant.parse("2026-09-25T02:00:00Z");
        Integer days = profile("yantai").shareApplication().replyWorkingDays();
        assertThat(days).isEqualTo(10);
        assertThat(ReplyDeadline.due(calendar, days, received)).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    @Test
    void abaAllowsSevenWorkingDaysAndCountsTheMakeUpSaturday() {
        Integer days = profile("aba").shareApplication().replyWorkingDays();
        assertThat(days).isEqualTo(7);
        assertThat(ReplyDeadline.due(calendar, days, Instant.parse("2026-09-25T02:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 10, 12));
        // Labour Day 1–5 May 2026 off, Saturday 9 May worked
        assertThat(ReplyDeadline.due(calendar, days, Instant.parse("2026-04-30T03:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 5, 13));
    }

    @Test
    void theDeadlineCountsFromTheBeijingDateNotTheUtcDate() {
        // 16:30 UTC on 29 Sep is 00:30 on 30 Sep in Beijing
        Instant lateEvening = Instant.parse("2026-09-29T16:30:00Z");
        assertThat(ReplyDeadline.due(calendar, 10, lateEvening)).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(ReplyDeadline.due(calendar, 10, Instant.parse("2026-09-29T15:30:00Z")))
                .isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @ParameterizedTest
    @CsvSource({ "taijiang", "fuzhou" })
    void whereTheRegulationFixesNoPeriodThereIsNoDueDateAndNothingIsEverOverdue(String id) {
        Integer days = profile(id).shareApplication().replyWorkingDays();
        assertThat(days).isNull();
        LocalDate due = ReplyDeadline.due(calendar, days, Instant.parse("2026-09-25T02:00:00Z"));
        assertThat(due).isNull();
        assertThat(Deadlines.overdue(due, LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(Deadlines.dueSoon(calendar, due, TODAY, 2)).isFalse();
    }

    @Test
    void dueSoonCountsWorkingDaysAndOverdueStartsTheDayAfter() {
        LocalDate due = LocalDate.of(2026, 10, 8);
        // 30 Sep: only 8 Oct lies between (the holidays do not count), so it is due soon
        assertThat(Deadlines.dueSoon(calendar, due, LocalDate.of(2026, 9, 30), 2)).isTrue();
        assertThat(Deadlines.dueSoon(calendar, due, LocalDate.of(2026, 9, 28), 2)).isFalse();
        assertThat(Deadlines.dueSoon(calendar, due, due, 2)).isTrue();
        assertThat(Deadlines.overdue(due, due)).isFalse();
        assertThat(Deadlines.overdue(due, due.plusDays(1))).isTrue();
        assertThat(Deadlines.dueSoon(calendar, due, due.plusDays(1), 2)).isFalse();
    }

    // --- applications -----------------------------------------------------------------------------------------

    private static ApplicationForm form(List<String> items, String purpose, LocalDate from, LocalDate to,
            List<String> ways, List<Long> systems) {
        return new ApplicationForm(1L, items, null, purpose, "低保资格审核", "《社会救助暂行办法》第十一条", from, to, ways,
                systems, null, null);
    }

    @Test
    void anApplicationWithoutPurposeOrPeriodIsRefusedWithEveryProblemAtOnce() {
        ApplicationForm form = new ApplicationForm(1L, List.of("xm", "nonsense"), null, " ", null, null, null, null,
                List.of("QUERY", "TELEPATHY"), List.of(7L, 8L), null, null);
        Checked checked = ShareRules.applicationStatesPurposeScopeAndPeriod(form, Kind.APPLICATION, ENTRY_ITEMS, TODAY,
                id -> id == 7L);
        assertThat(codes(checked.violations())).containsExactlyInAnyOrder("purpose:FIELD_REQUIRED",
                "useScenario:FIELD_REQUIRED", "legalDuty:FIELD_REQUIRED", "items[1]:UNKNOWN_DATA_ITEM",
                "periodFrom:FIELD_REQUIRED", "periodTo:FIELD_REQUIRED", "ways[1]:INVALID_VALUE",
                "systems[1]:SYSTEM_NOT_OF_DEPARTMENT");
    }

    @Test
    void aPeriodCannotStartBeforeTodayNorEndBeforeItStarts() {
        Checked past = ShareRules.applicationStatesPurposeScopeAndPeriod(form(List.of("xm"), "核验", TODAY.minusDays(1),
                TODAY.plusDays(30), List.of("QUERY"), List.of()), Kind.APPLICATION, ENTRY_ITEMS, TODAY, id -> true);
        assertThat(codes(past.violations())).containsExactly("periodFrom:PERIOD_STARTS_IN_PAST");
        Checked backwards = ShareRules.applicationStatesPurposeScopeAndPeriod(form(List.of("xm"), "核验",
                TODAY.plusDays(10), TODAY.plusDays(9), List.of("QUERY"), List.of()), Kind.APPLICATION, ENTRY_ITEMS,
                TODAY, id -> true);
        assertThat(codes(backwards.violations())).containsExactly("periodTo:PERIOD_ENDS_BEFORE_START");
    }

    @Test
    void aConditionalApplicationNamesItsItemsWhileAnUnconditionalRequestTakesAllFromTodayWithoutEnd() {
        Checked application = ShareRules.applicationStatesPurposeScopeAndPeriod(form(List.of(), "核验", TODAY,
                TODAY.plusDays(30), List.of("QUERY"), List.of()), Kind.APPLICATION, ENTRY_ITEMS, TODAY, id -> true);
        assertThat(codes(application.violations())).containsExactly("items:FIELD_REQUIRED");

        ApplicationForm request = new ApplicationForm(1L, null, null, "窗口办件核验身份", null, null, null, null,
                List.of("verification", "QUERY", "QUERY"), List.of(7L, 7L), null, null);
        Checked checked = ShareRules.applicationStatesPurposeScopeAndPeriod(request, Kind.REQUEST, ENTRY_ITEMS, TODAY,
                id -> id == 7L);
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.scope().items()).isEqualTo(ENTRY_ITEMS);
        assertThat(checked.scope().periodFrom()).isEqualTo(TODAY);
        assertThat(checked.scope().periodTo()).isNull();
        assertThat(checked.scope().ways()).containsExactly(WayOfUse.VERIFICATION, WayOfUse.QUERY);
        assertThat(checked.scope().systems()).containsExactly(7L);
    }

    @Test
    void aRowFilterTestsOnlyItemsAppliedForWithAKnownComparisonAndValues() {
        RowFilterForm filter = new RowFilterForm(List.of(new ConditionForm("xzqh", "prefix", List.of("370602")),
                new ConditionForm("zz", "EQUALS", List.of("幸福路")), new ConditionForm("xm", "LIKE", List.of("张")),
                new ConditionForm("xm", "EQUALS", List.of())));
        ApplicationForm form = new ApplicationForm(1L, List.of("xm", "xzqh"), filter, "核验", "场景", "职责", TODAY,
                TODAY.plusDays(1), List.of("QUERY"), List.of(), null, null);
        Checked checked = ShareRules.applicationStatesPurposeScopeAndPeriod(form, Kind.APPLICATION, ENTRY_ITEMS, TODAY,
                id -> true);
        assertThat(codes(checked.violations())).containsExactlyInAnyOrder("rowFilter[1].item:ROW_FILTER_ITEM_NOT_GRANTED",
                "rowFilter[2].op:INVALID_VALUE", "rowFilter[3].values:FIELD_REQUIRED");
        assertThat(checked.scope().rowFilter().conditions()).containsExactly(
                new RowFilter.Condition("xzqh", RowFilter.Op.PREFIX, List.of("370602")));
    }

    // --- narrowing --------------------------------------------------------------------------------------------

    private static final Scope APPLIED = new Scope(List.of("gmsfhm", "xm", "xzqh"),
            new RowFilter(List.of(new RowFilter.Condition("xzqh", RowFilter.Op.PREFIX, List.of("3706")))),
            LocalDate.of(2026, 10, 1), LocalDate.of(2027, 9, 30), List.of(WayOfUse.VERIFICATION, WayOfUse.QUERY),
            List.of(7L, 8L), null, null);

    private static Approval approval(List<String> items, RowFilterForm filter, LocalDate from, LocalDate to,
            List<String> ways, List<Long> systems) {
        return new Approval(items, filter, from, to, ways, systems, null, null, null);
    }

    private static Narrowed narrow(Approval approval) {
        return ShareRules.approvalOnlyNarrows(APPLIED, approval, ENTRY_ITEMS, 20, 100_000);
    }

    @Test
    void anApprovalAsAppliedKeepsTheScopeAndTakesTheDefaultLimits() {
        Narrowed same = narrow(Approval.AS_APPLIED);
        assertThat(same.violations()).isEmpty();
        assertThat(same.narrowed()).isFalse();
        assertThat(same.scope()).isEqualTo(APPLIED.withLimits(20, 100_000L));
    }

    @Test
    void narrowingMayOnlyTakeAwayItemsWaysSystemsAndDays() {
        Narrowed narrowed = narrow(new Approval(List.of("xzqh", "gmsfhm"),
                new RowFilterForm(List.of(new ConditionForm("xzqh", "PREFIX", List.of("370602", "370611")))),
                LocalDate.of(2026, 11, 1), LocalDate.of(2027, 3, 31), List.of("VERIFICATION"), List.of(8L), 5, 1_000L,
                "仅限本区"));
        assertThat(narrowed.violations()).isEmpty();
        assertThat(narrowed.narrowed()).isTrue();
        Scope scope = narrowed.scope();
        assertThat(scope.items()).containsExactly("gmsfhm", "xzqh");
        assertThat(scope.ways()).containsExactly(WayOfUse.VERIFICATION);
        assertThat(scope.systems()).containsExactly(8L);
        assertThat(scope.periodFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(scope.periodTo()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(scope.rateLimit()).isEqualTo(5);
        assertThat(scope.dailyQuota()).isEqualTo(1_000L);
    }

    @Test
    void narrowingCannotAddWhatWasNotAppliedFor() {
        Narrowed wider = narrow(approval(List.of("xm", "sjhm"), null, LocalDate.of(2026, 9, 30),
                LocalDate.of(2027, 12, 31), List.of("QUERY", "EXCHANGE"), List.of(9L)));
        assertThat(codes(wider.violations())).containsExactlyInAnyOrder("items[1]:NOT_A_NARROWING",
                "periodFrom:NOT_A_NARROWING", "periodTo:NOT_A_NARROWING", "ways[1]:NOT_A_NARROWING",
                "systems[0]:NOT_A_NARROWING", "rowFilter:ROW_FILTER_ITEM_NOT_GRANTED");
    }

    @Test
    void aRowFilterCanBeTightenedButNotDroppedOrWidened() {
        RowFilterForm tighter = new RowFilterForm(List.of(new ConditionForm("xzqh", "EQUALS", List.of("370602")),
                new ConditionForm("xm", "EQUALS", List.of("张三"))));
        assertThat(narrow(approval(null, tighter, null, null, null, null)).violations()).isEmpty();
        RowFilterForm dropped = new RowFilterForm(List.of(new ConditionForm("xm", "EQUALS", List.of("张三"))));
        assertThat(codes(narrow(approval(null, dropped, null, null, null, null)).violations()))
                .containsExactly("rowFilter:ROW_FILTER_NOT_NARROWER");
        RowFilterForm widened = new RowFilterForm(List.of(new ConditionForm("xzqh", "PREFIX", List.of("37"))));
        assertThat(codes(narrow(approval(null, widened, null, null, null, null)).violations()))
                .containsExactly("rowFilter:ROW_FILTER_NOT_NARROWER");
    }

    @Test
    void narrowingToNothingIsNotAnApprovalAndLimitsStayInRange() {
        Narrowed empty = narrow(new Approval(List.of(), null, null, null, List.of(), null, 0, 0L, null));
        assertThat(codes(empty.violations())).containsExactlyInAnyOrder("items:FIELD_REQUIRED", "ways:FIELD_REQUIRED",
                "rowFilter:ROW_FILTER_ITEM_NOT_GRANTED", "rateLimit:INVALID_VALUE", "dailyQuota:INVALID_VALUE");
    }

    @Test
    void rowFiltersMatchRecordsAndKnowWhatIsNarrower() {
        RowFilter districts = new RowFilter(List.of(new RowFilter.Condition("xzqh", RowFilter.Op.PREFIX,
                List.of("370602", "370611")), new RowFilter.Condition("xb", RowFilter.Op.EQUALS, List.of("1"))));
        assertThat(districts.matches(Map.of("xzqh", "370602001", "xb", "1"))).isTrue();
        assertThat(districts.matches(Map.of("xzqh", "370613001", "xb", "1"))).isFalse();
        assertThat(districts.matches(Map.of("xzqh", "370611"))).as("a missing value does not match").isFalse();
        assertThat(RowFilter.NONE.matches(Map.of())).isTrue();
        assertThat(districts.items()).isEqualTo(Set.of("xzqh", "xb"));

        RowFilter city = new RowFilter(List.of(new RowFilter.Condition("xzqh", RowFilter.Op.PREFIX, List.of("3706"))));
        assertThat(districts.narrows(city)).isTrue();
        assertThat(city.narrows(districts)).isFalse();
        assertThat(city.narrows(RowFilter.NONE)).isTrue();
        assertThat(RowFilter.NONE.narrows(city)).isFalse();
        RowFilter equalities = new RowFilter(List.of(new RowFilter.Condition("xb", RowFilter.Op.EQUALS, List.of("1", "2"))));
        assertThat(new RowFilter(List.of(new RowFilter.Condition("xb", RowFilter.Op.EQUALS, List.of("2"))))
                .narrows(equalities)).isTrue();
        assertThat(new RowFilter(List.of(new RowFilter.Condition("xb", RowFilter.Op.PREFIX, List.of("1"))))
                .narrows(equalities)).as("a prefix lets through more than its equal value").isFalse();
    }

    // --- refusals ---------------------------------------------------------------------------------------------

    @Test
    void noRefusalWithoutAReasonAndAFullLegalBasis() {
        LegalBasis law = new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", "第十三条");
        assertThat(ShareRules.refusalStatesReasonAndLegalBasis(new Refusal("涉及个人敏感信息，超出履职必需范围", law)))
                .isEmpty();
        assertThat(codes(ShareRules.refusalStatesReasonAndLegalBasis(new Refusal("不同意", null))))
                .containsExactly("basis:REFUSAL_NEEDS_BASIS");
        assertThat(codes(ShareRules.refusalStatesReasonAndLegalBasis(new Refusal("不同意",
                new LegalBasis(LegalBasis.Kind.LAW, "中华人民共和国个人信息保护法", " ")))))
                .as("a basis without its article").containsExactly("basis:REFUSAL_NEEDS_BASIS");
        assertThat(codes(ShareRules.refusalStatesReasonAndLegalBasis(new Refusal(" ", law))))
                .containsExactly("reason:FIELD_REQUIRED");
        assertThat(codes(ShareRules.refusalStatesReasonAndLegalBasis(null)))
                .containsExactly("reason:FIELD_REQUIRED", "basis:REFUSAL_NEEDS_BASIS");
        assertThat(ShareRules.refusalStatesReasonAndLegalBasis(new Refusal("x", null)).getFirst().code())
                .isEqualTo(ProblemCode.REFUSAL_NEEDS_BASIS);
    }
}

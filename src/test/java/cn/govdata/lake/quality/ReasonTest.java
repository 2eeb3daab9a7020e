package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.lake.LakeFixtures;
import tools.jackson.databind.json.JsonMapper;

/** Reasons are messages: stored as key and arguments, read in Chinese or English. */
class ReasonTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ReasonTest() {
        // as spring.messages in application.yml
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    private static final String ID = IdNumberTest.valid("37060219800517123"); // a man born 1980-05-17

    private final RecordValidator validator = new RecordValidator(LakeFixtures.POPULATION, QualityRules.derive(
            LakeFixtures.POPULATION, new ValueStandards(IdNumberTest.DIVISIONS::contains, IdNumberTest.TODAY)).rules());

    private QualityFailure failureOf(String item, String value) {
        Map<String, String> record = new HashMap<>(Map.of("xm", "张三", "gmsfhm", ID, "xzqh", "370602",
                "djsj", "2024-03-01 09:30:00"));
        record.put(item, value);
        List<QualityFailure> failures = validator.validate(record);
        assertThat(failures).hasSize(1);
        return failures.getFirst();
    }

    @Test
    void anIdNumberFailureReadsInChineseAndInEnglishWithTheValueMasked() {
        String typo = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        Reason reason = failureOf("gmsfhm", typo).reason();
        String masked = "3706**********" + typo.substring(14);
        assertThat(reason.in(messages, ZH)).isEqualTo("校验码不符（ISO 7064 MOD 11-2）（" + masked + "）");
        assertThat(reason.in(messages, EN)).isEqualTo("the check digit does not match (ISO 7064 MOD 11-2) (" + masked + ")");
    }

    @Test
    void aCrossItemReasonNamesTheOtherItemByItsChineseNameInChineseAndItsIdentifierInEnglish() {
        Reason reason = failureOf("csrq", "1980-05-18").reason();
        assertThat(reason.in(messages, ZH)).isEqualTo("出生日期与公民身份号码中的出生日期不一致（19******18）");
        assertThat(reason.in(messages, EN)).isEqualTo("the birth date is not the one in the ID number gmsfhm (19******18)");
    }

    @Test
    void anItemWithoutAChineseNameIsNamedByItsIdentifierInChineseToo() {
        Reason reason = Reason.of(ReasonCode.BEFORE_ITEM, "2019-12-31", new Reason.Item("yxqq", null));
        assertThat(reason.in(messages, ZH)).isEqualTo("早于yxqq（2019-12-31）");
        assertThat(reason.in(messages, EN)).isEqualTo("before yxqq (2019-12-31)");
    }

    @Test
    void typeLengthAndRequiredReasons() {
        assertThat(failureOf("jtrks", "3.5").reason().in(messages, ZH)).isEqualTo("不是整数（3.5）");
        assertThat(failureOf("jtrks", "3.5").reason().in(messages, EN)).isEqualTo("not an integer (3.5)");
        assertThat(failureOf("jtrks", "123").reason().in(messages, ZH)).isEqualTo("超过 2 位数字（123）");
        assertThat(failureOf("jtrks", "123").reason().in(messages, EN)).isEqualTo("more than 2 digits (123)");
        assertThat(failureOf("xzqh", " ").reason().in(messages, ZH)).isEqualTo("没有值");
        assertThat(failureOf("xzqh", " ").reason().in(messages, EN)).isEqualTo("no value");
    }

    @Test
    void extensionRulesQuoteTheirAuthorsDescriptionInEveryLanguage() {
        DataItem postcode = new DataItem("yzbm", "邮政编码", DataType.CHARACTER, 6, false, false, null, null);
        RecordValidator extended = new RecordValidator(List.of(postcode),
                List.of(new QualityRule.Matches("yzbm", "[1-8]\\d{5}", "六位邮政编码")));
        Reason reason = extended.validate(Map.of("yzbm", "26400")).getFirst().reason();
        assertThat(reason.in(messages, ZH)).isEqualTo("不符合“六位邮政编码”（26400）");
        assertThat(reason.in(messages, EN)).isEqualTo("not 六位邮政编码 (26400)");
    }

    @Test
    void rowNumbersAndValuesAreQuotedAsTheyAre() {
        // arguments are texts, so MessageFormat neither groups digits nor reads quotes or braces in them
        KeyTracker keys = new KeyTracker(List.of("bh"));
        assertThat(keys.duplicate(Map.of("bh", "x"), 12_345)).isNull();
        Reason again = keys.duplicate(Map.of("bh", "x"), 12_346).reason();
        assertThat(again.in(messages, ZH)).isEqualTo("主键与第 12345 行相同");
        assertThat(again.in(messages, EN)).isEqualTo("the same record key as row 12345");
        assertThat(Reason.of(ReasonCode.TYPE_INTEGER, "it's {1}").in(messages, EN)).isEqualTo("not an integer (it's {1})");
    }

    @Test
    void aReasonInsideAProblemMessageIsReadInTheProblemsLanguage() {
        // a refused push puts the reason into its violation; the problem's message source resolves it
        Object[] arguments = { "CROSS_ITEM", failureOf("csrq", "1980-05-18").reason().resolvable() };
        assertThat(messages.getMessage("problem.PUSH_RECORD_INVALID", arguments, ZH))
                .isEqualTo("CROSS_ITEM：出生日期与公民身份号码中的出生日期不一致（19******18）");
        assertThat(messages.getMessage("problem.PUSH_RECORD_INVALID", arguments, EN))
                .isEqualTo("CROSS_ITEM: the birth date is not the one in the ID number gmsfhm (19******18)");
    }

    @Test
    void aStoredReasonComesBackFromJsonWithItsItems() {
        JsonMapper json = JsonMapper.builder().build();
        Reason reason = Reason.of(ReasonCode.BIRTH_DATE_NOT_ID_NUMBER, "19******18", new Reason.Item("gmsfhm", "公民身份号码"));
        String stored = json.writeValueAsString(reason);
        assertThat(stored).isEqualTo("{\"key\":\"lake.reason.BIRTH_DATE_NOT_ID_NUMBER\",\"args\":[\"19******18\","
                + "{\"identifier\":\"gmsfhm\",\"chineseName\":\"公民身份号码\"}]}");
        assertThat(json.readValue(stored, Reason.class)).isEqualTo(reason);
        assertThat(json.readValue("{\"key\":\"lake.reason.REQUIRED\"}", Reason.class))
                .isEqualTo(Reason.of(ReasonCode.REQUIRED));
    }

    @Test
    void aKeyThisVersionDoesNotKnowReadsAsTheKeyRatherThanFailingTheReport() {
        assertThat(new Reason("lake.reason.SOMETHING_NEW", List.of("x")).in(messages, ZH))
                .isEqualTo("lake.reason.SOMETHING_NEW");
    }

    @Test
    void argumentsAreTextsOrItems() {
        assertThatThrownBy(() -> Reason.of(ReasonCode.DUPLICATE_KEY, 12))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

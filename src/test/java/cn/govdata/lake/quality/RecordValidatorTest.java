package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.lake.LakeFixtures;

class RecordValidatorTest {

    private static final String ID = IdNumberTest.valid("37060219800517123"); // a man born 1980-05-17

    private final ValueStandards standards = new ValueStandards(IdNumberTest.DIVISIONS::contains, IdNumberTest.TODAY);
    private final QualityRules rules = QualityRules.derive(LakeFixtures.POPULATION, standards);
    private final RecordValidator validator = new RecordValidator(LakeFixtures.POPULATION, rules.rules());

    private static Map<String, String> person() {
        Map<String, String> record = new HashMap<>();
        record.put("xm", "张三");
        record.put("gmsfhm", ID);
        record.put("xb", "1");
        record.put("mz", "01");
        record.put("csrq", "1980-05-17");
        record.put("xzqh", "370602");
        record.put("sjhm", "13812345678");
        record.put("dzyx", "zhang.san@yantai.gov.cn");
        record.put("djsj", "2024-03-01 09:30:00");
        record.put("jtrks", "3");
        record.put("ysr", "8500.00");
        record.put("dwtyshxydm", "91350100M000100Y43");
        record.put("sfhs", "是");
        record.put("bz", "");
        return record;
    }

    private List<QualityFailure> validate(String item, String value) {
        Map<String, String> record = person();
        record.put(item, value);
        return validator.validate(record);
    }

    @Test
    void derivesTheRulesTheDataItemsImply() {
        assertThat(rules.rules()).contains(new QualityRule.Required("xm"), new QualityRule.Required("gmsfhm"),
                new TypeRule("jtrks", DataType.INTEGER), new LengthRule("xm", 50, false),
                new LengthRule("ysr", 10, true), new QualityRule.BirthDateMatchesIdNumber("csrq", "gmsfhm"),
                new QualityRule.SexMatchesIdNumber("xb", "gmsfhm"));
        assertThat(rules.rules()).doesNotContain(new QualityRule.Required("sjhm"));
        assertThat(rules.unrecognisedStandards()).containsExactly(Map.entry("bz", "某局内部代码"));
    }

    @Test
    void aRecordKeyItemIsRequiredEvenWhenTheCatalogForgotToSaySo() {
        DataItem key = new DataItem("bh", "编号", DataType.CHARACTER, 20, false, true, null, null);
        assertThat(QualityRules.derive(List.of(key), standards).rules()).contains(new QualityRule.Required("bh"));
    }

    @Test
    void aCompleteCorrectRecordPasses() {
        assertThat(validator.validate(person())).isEmpty();
    }

    @Test
    void missingRequiredValuesAndBlanksAreReported() {
        Map<String, String> record = person();
        record.remove("xm");
        record.put("xzqh", "   ");
        record.put("sjhm", "");
        assertThat(validator.validate(record)).containsExactly(
                new QualityFailure("xm", ReasonCode.REQUIRED),
                new QualityFailure("xzqh", ReasonCode.REQUIRED));
    }

    @Test
    void valuesAreJudgedWithoutSurroundingBlanks() {
        assertThat(validate("gmsfhm", "  " + ID + "\u3000")).isEmpty();
    }

    @Test
    void typeFailures() {
        assertThat(validate("jtrks", "3.5")).extracting(QualityFailure::rule).containsExactly(RuleCode.TYPE);
        assertThat(validate("ysr", "8,500.00")).extracting(QualityFailure::rule).containsExactly(RuleCode.TYPE);
        assertThat(validate("djsj", "2024-03-01")).extracting(QualityFailure::rule).containsExactly(RuleCode.TYPE);
        assertThat(validate("sfhs", "maybe")).containsExactly(new QualityFailure("sfhs", ReasonCode.TYPE_LOGICAL, "maybe"));
        assertThat(validate("sfhs", "maybe").getFirst().rule()).isEqualTo(RuleCode.TYPE);
    }

    @Test
    void dateColumnsAcceptEveryDepartmentFormatAndMidnightDateTimes() {
        for (String date : List.of("1980/05/17", "19800517", "1980年5月17日", "1980-05-17 00:00:00")) {
            assertThat(validate("csrq", date)).as(date).isEmpty();
        }
        assertThat(validate("csrq", "1980-05-17 08:00:00")).extracting(QualityFailure::rule).containsExactly(RuleCode.TYPE);
    }

    @Test
    void lengthIsCharactersForTextAndDigitsForNumbers() {
        assertThat(validate("xm", "张".repeat(50))).isEmpty();
        assertThat(validate("xm", "张".repeat(51))).extracting(QualityFailure::rule).containsExactly(RuleCode.LENGTH);
        assertThat(validate("xm", "𠀀".repeat(50))).as("a rare character is one character").isEmpty();
        assertThat(validate("jtrks", "12")).isEmpty();
        assertThat(validate("jtrks", "123")).extracting(QualityFailure::reason)
                .containsExactly(Reason.of(ReasonCode.LENGTH_DIGITS, "123", "2"));
        assertThat(validate("xm", "张".repeat(51))).extracting(QualityFailure::reason)
                .containsExactly(Reason.of(ReasonCode.LENGTH_CHARACTERS, "张".repeat(4) + "*".repeat(43) + "张".repeat(4), "50"));
        assertThat(validate("ysr", "-12345678.90")).isEmpty();
        assertThat(validate("ysr", "123456789.01")).extracting(QualityFailure::rule).containsExactly(RuleCode.LENGTH);
    }

    @Test
    void valueStandardFailuresCarryTheirOwnCodes() {
        assertThat(validate("gmsfhm", ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1')))
                .extracting(QualityFailure::rule).containsExactly(RuleCode.ID_NUMBER_CHECK_DIGIT);
        assertThat(validate("gmsfhm", "370602800517123")).extracting(QualityFailure::rule)
                .containsExactly(RuleCode.ID_NUMBER_LEGACY);
        assertThat(validate("dwtyshxydm", "91350100M000100Y44")).extracting(QualityFailure::rule)
                .containsExactly(RuleCode.CREDIT_CODE);
        assertThat(validate("xzqh", "379999")).extracting(QualityFailure::rule).containsExactly(RuleCode.DIVISION_CODE);
        assertThat(validate("sjhm", "1381234567")).extracting(QualityFailure::rule).containsExactly(RuleCode.MOBILE);
        assertThat(validate("dzyx", "zhang.san@")).extracting(QualityFailure::rule).containsExactly(RuleCode.EMAIL);
        assertThat(validate("xb", "男")).extracting(QualityFailure::rule).containsExactly(RuleCode.CODE_LIST);
        assertThat(validate("mz", "汉族")).extracting(QualityFailure::rule).containsExactly(RuleCode.CODE_LIST);
    }

    @Test
    void oneBadValueGivesOneFailure() {
        // too long for the item and no ID number either: only the first rule broken is reported
        assertThat(validate("gmsfhm", "3706021980051712345")).extracting(QualityFailure::rule)
                .containsExactly(RuleCode.LENGTH);
    }

    @Test
    void reasonsNeverQuotePersonalValuesInFull() {
        String typo = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        QualityFailure failure = validate("gmsfhm", typo).getFirst();
        assertThat(failure.reason()).isEqualTo(Reason.of(ReasonCode.ID_NUMBER_CHECK_DIGIT, "3706**********" + typo.substring(14)));
        assertThat(validate("sjhm", "1381234567").getFirst().reason().args()).containsExactly("13******67");
        assertThat(validate("ysr", "abc").getFirst().reason().args()).as("sensitive in the catalog").containsExactly("a**");
        assertThat(validate("xb", "男").getFirst().reason().args()).as("not personal").containsExactly("男", "GB/T 2261.1");
    }

    @Test
    void theBirthDateMustBeTheIdNumbers() {
        List<QualityFailure> failures = validate("csrq", "1980-05-18");
        // the birth date is masked beside the ID number it would reveal a part of; the ID number item is named
        assertThat(failures).containsExactly(new QualityFailure("csrq", ReasonCode.BIRTH_DATE_NOT_ID_NUMBER,
                "19******18", new Reason.Item("gmsfhm", "公民身份号码")));
        assertThat(failures.getFirst().rule()).isEqualTo(RuleCode.CROSS_ITEM);
        assertThat(validate("csrq", "1980年5月17日")).isEmpty();
    }

    @Test
    void theSexCodeMustAgreeWithTheIdNumber() {
        // the sex code is masked too: beside the ID number it would say something about the person
        assertThat(validate("xb", "2")).containsExactly(new QualityFailure("xb", ReasonCode.SEX_CONTRADICTS_ID_NUMBER,
                "*", new Reason.Item("gmsfhm", "公民身份号码")));
        assertThat(validate("xb", "9")).as("not stated agrees with anything").isEmpty();
    }

    @Test
    void crossItemRulesWaitForBothItemsToPassTheirOwnRules() {
        Map<String, String> record = person();
        record.put("gmsfhm", "370602800517123");
        record.put("csrq", "1999-01-01");
        assertThat(validator.validate(record)).extracting(QualityFailure::rule).containsExactly(RuleCode.ID_NUMBER_LEGACY);
        record.remove("gmsfhm");
        assertThat(validator.validate(record)).extracting(QualityFailure::rule).containsExactly(RuleCode.REQUIRED);
    }

    @Test
    void extensionRulesOfTheDepartmentOrAuthority() {
        DataItem start = new DataItem("yxqq", "有效期起", DataType.DATE, null, false, false, null, null);
        DataItem end = new DataItem("yxqz", "有效期止", DataType.DATE, null, false, false, null, null);
        DataItem postcode = new DataItem("yzbm", "邮政编码", DataType.CHARACTER, 6, false, false, null, null);
        DataItem grade = new DataItem("dj", "等级", DataType.CHARACTER, 2, false, false, null, null);
        List<DataItem> items = List.of(LakeFixtures.HOUSEHOLD, LakeFixtures.BIRTH_DATE, start, end, postcode, grade);
        QualityRules extended = QualityRules.derive(items, standards).with(List.of(
                new QualityRule.NumberRange("jtrks", BigDecimal.ONE, new BigDecimal("20")),
                new QualityRule.DateRange("csrq", LocalDate.of(1900, 1, 1), LocalDate.of(2026, 6, 1)),
                new QualityRule.Matches("yzbm", "[1-8]\\d{5}", "a six-digit postal code"),
                QualityRule.codeList("dj", "等级代码", Set.of("A", "B", "C")),
                new QualityRule.NotBefore("yxqz", "yxqq")));
        RecordValidator extendedValidator = new RecordValidator(items, extended.rules());
        Map<String, String> good = new HashMap<>(Map.of("jtrks", "4", "csrq", "1980-05-17", "yxqq", "2020-01-01",
                "yxqz", "2030-01-01", "yzbm", "264000", "dj", "A"));
        assertThat(extendedValidator.validate(good)).isEmpty();

        Map<String, String> bad = new HashMap<>(Map.of("jtrks", "0", "csrq", "1899-12-31", "yxqq", "2020-01-01",
                "yxqz", "2019-12-31", "yzbm", "26400", "dj", "D"));
        assertThat(extendedValidator.validate(bad)).containsExactly(
                new QualityFailure("jtrks", ReasonCode.NUMBER_BELOW, "0", "1"),
                new QualityFailure("csrq", ReasonCode.DATE_BEFORE, "1899-12-31", "1900-01-01"),
                new QualityFailure("yzbm", ReasonCode.PATTERN, "26400", "a six-digit postal code"),
                new QualityFailure("dj", ReasonCode.CODE_LIST, "D", "等级代码"),
                new QualityFailure("yxqz", ReasonCode.BEFORE_ITEM, "2019-12-31", new Reason.Item("yxqq", "有效期起")));
        bad.put("jtrks", "21");
        assertThat(extendedValidator.validate(bad).getFirst().reason()).isEqualTo(Reason.of(ReasonCode.NUMBER_ABOVE, "21", "20"));
    }

    @Test
    void rulesMustNameItemsOfTheEntry() {
        assertThatThrownBy(() -> new RecordValidator(List.of(LakeFixtures.NAME), List.of(new QualityRule.Required("nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> new RecordValidator(List.of(LakeFixtures.NAME),
                List.of(new QualityRule.NotBefore("xm", "nope")))).hasMessageContaining("nope");
    }

    @Test
    void keysOutsideTheEntryAreIgnored() {
        Map<String, String> record = person();
        record.put("extra", "whatever");
        assertThat(validator.validate(record)).isEmpty();
    }
}

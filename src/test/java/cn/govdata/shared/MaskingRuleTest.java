package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every shape a shared or opened value can leave the platform in. */
class MaskingRuleTest {

    @Test
    void idNumbersKeepTheirRegionAndLastFour() {
        assertThat(MaskingRule.ID_NUMBER.apply("37060219800101123X")).isEqualTo("370602********123X");
        assertThat(MaskingRule.ID_NUMBER.apply(" 370602198001011234 ")).isEqualTo("370602********1234");
    }

    @Test
    void creditCodesMobilesAndBankCardsKeepTheirIssuerAndEnd() {
        assertThat(MaskingRule.CREDIT_CODE.apply("91370602MA3C12345X")).isEqualTo("91370602********5X");
        assertThat(MaskingRule.MOBILE.apply("13812345678")).isEqualTo("138****5678");
        assertThat(MaskingRule.BANK_CARD.apply("6222021234567890123")).isEqualTo("622202*********0123");
    }

    @Test
    void namesKeepTheSurnameCompoundOnesWhole() {
        assertThat(MaskingRule.NAME.apply("张三")).isEqualTo("张*");
        assertThat(MaskingRule.NAME.apply("王小明")).isEqualTo("王**");
        assertThat(MaskingRule.NAME.apply("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(MaskingRule.NAME.apply("欧阳")).isEqualTo("欧*");
        assertThat(MaskingRule.NAME.apply("李")).isEqualTo("*");
    }

    @Test
    void addressesAreKeptDownToTheCounty() {
        assertThat(MaskingRule.ADDRESS.apply("烟台市芝罘区示范路12号")).isEqualTo("烟台市芝罘区******");
        assertThat(MaskingRule.ADDRESS.apply("山东省烟台市莱阳市城厢街道1号")).isEqualTo("山东省烟台市莱阳市******");
        assertThat(MaskingRule.ADDRESS.apply("阿坝州马尔康市达萨街88号")).isEqualTo("阿坝州马尔康市******");
        assertThat(MaskingRule.ADDRESS.apply("幸福村三组")).isEqualTo("幸****");
    }

    @Test
    void shortValuesNeverShowBothEndsAndNullsAndNoneAreUntouched() {
        assertThat(MaskingRule.ID_NUMBER.apply("12345")).isEqualTo("1****");
        assertThat(MaskingRule.FULL.apply("机密值")).isEqualTo("***");
        assertThat(MaskingRule.NONE.apply("烟台")).isEqualTo("烟台");
        assertThat(MaskingRule.MOBILE.apply(null)).isNull();
    }

    @Test
    void anItemSuggestsItsRuleByStandardNameAndSensitivity() {
        assertThat(MaskingRule.suggestedFor("GB 11643", "id_number", "公民身份号码", true)).isEqualTo(MaskingRule.ID_NUMBER);
        assertThat(MaskingRule.suggestedFor("GB 32100", "credit_code", "统一社会信用代码", false)).isEqualTo(MaskingRule.CREDIT_CODE);
        assertThat(MaskingRule.suggestedFor(null, "full_name", "姓名", true)).isEqualTo(MaskingRule.NAME);
        assertThat(MaskingRule.suggestedFor(null, "household_address", "户籍地址", true)).isEqualTo(MaskingRule.ADDRESS);
        assertThat(MaskingRule.suggestedFor(null, "mobile", "手机号码", true)).isEqualTo(MaskingRule.MOBILE);
        assertThat(MaskingRule.suggestedFor(null, "ethnicity", "民族", true)).isEqualTo(MaskingRule.FULL);
        assertThat(MaskingRule.suggestedFor(null, "entity_name", "市场主体名称", false)).isEqualTo(MaskingRule.NONE);
    }

    @Test
    void datesAreGeneralisedToTheirYearOrMonthWhateverTheirForm() {
        assertThat(MaskingRule.DATE_YEAR.apply("1980-03-12")).isEqualTo("1980");
        assertThat(MaskingRule.DATE_MONTH.apply("1980-03-12 08:30:00")).isEqualTo("1980-03");
        assertThat(MaskingRule.DATE_MONTH.apply("19800312")).isEqualTo("1980-03");
        assertThat(MaskingRule.DATE_MONTH.apply("1980年3月12日")).isEqualTo("1980-03");
        assertThat(MaskingRule.DATE_YEAR.apply("不详")).isEqualTo("**");
        assertThat(MaskingRule.DATE_MONTH.apply("1980-13-01")).isEqualTo("**********");
    }

    @Test
    void addressesAreKeptDownToTheLevelAsked() {
        String address = "山东省烟台市莱阳市城厢街道五龙路1号";
        assertThat(MaskingRule.ADDRESS_PROVINCE.apply(address)).isEqualTo("山东省" + "*".repeat(15));
        assertThat(MaskingRule.ADDRESS_CITY.apply(address)).isEqualTo("山东省烟台市" + "*".repeat(12));
        assertThat(MaskingRule.ADDRESS_TOWN.apply(address)).isEqualTo("山东省烟台市莱阳市城厢街道" + "*".repeat(5));
        assertThat(MaskingRule.ADDRESS_CITY.apply("阿坝州马尔康市达萨街88号")).isEqualTo("阿坝州" + "*".repeat(10));
        assertThat(MaskingRule.ADDRESS_PROVINCE.apply("北京市朝阳区建国路1号")).isEqualTo("北京市" + "*".repeat(8));
        assertThat(MaskingRule.ADDRESS_PROVINCE.apply("烟台市芝罘区示范路12号")).as("no province named")
                .isEqualTo("*".repeat(12));
    }

    @Test
    void onlyNaturalPersonsCreditCodesAreMasked() {
        assertThat(MaskingRule.CREDIT_CODE_OF_PERSON.apply("92370602MA3C12345X")).isEqualTo("92370602********5X");
        assertThat(MaskingRule.CREDIT_CODE_OF_PERSON.apply("91370602MA3C12345X")).isEqualTo("91370602MA3C12345X");
    }

    @Test
    void truncationHashAndDropNeedWhatTheyNeedAndNeverShowMoreWithoutIt() {
        assertThat(MaskingRule.TRUNCATE.apply("芝罘区幸福路", 3, null)).isEqualTo("芝罘区");
        assertThat(MaskingRule.TRUNCATE.apply("芝罘", 5, null)).isEqualTo("芝罘");
        assertThat(MaskingRule.TRUNCATE.apply("芝罘区")).as("no length").isEqualTo("***");
        byte[] key = "a key of this dataset".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String hashed = MaskingRule.HASH.apply("13812345678", null, key);
        assertThat(hashed).matches("[0-9a-f]{32}").isEqualTo(MaskingRule.HASH.apply(" 13812345678 ", null, key));
        assertThat(MaskingRule.HASH.apply("13812345678", null, "another key".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNotEqualTo(hashed);
        assertThat(MaskingRule.HASH.apply("13812345678")).as("no key").isEqualTo("***********");
        assertThat(MaskingRule.DROP.apply("anything")).isNull();
        assertThat(MaskingRule.MOBILE.describe(null)).isEqualTo("保留前 3 位和后 4 位");
        assertThat(MaskingRule.TRUNCATE.describe(4)).contains("4");
    }
}

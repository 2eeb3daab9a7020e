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
}

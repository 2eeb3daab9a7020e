package cn.govdata.open.desensitise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.govdata.open.desensitise.PersonalValues.Kind;
import cn.govdata.support.IdNumbers;

/** What the scan before opening takes for personal data, and what it does not. */
class PersonalValuesTest {

    @Test
    void idNumbersNeedTheirCheckCharacterAndARealBirthDate() {
        String id = IdNumbers.of("370602", "19800101", "123");
        assertThat(PersonalValues.isIdNumber(id)).isTrue();
        assertThat(PersonalValues.isIdNumber(id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'))).isFalse();
        assertThat(PersonalValues.isIdNumber(IdNumbers.of("370602", "19801301", "123"))).as("month 13").isFalse();
        assertThat(PersonalValues.kindsIn("联系人 " + id + " 已核实")).containsExactly(Kind.ID_NUMBER);
        assertThat(PersonalValues.kindsIn("订单号 A" + id)).as("part of a longer code").isEmpty();
    }

    @Test
    void mobilesAreFoundAloneOrInTextInTheFormsPeopleWriteThem() {
        assertThat(PersonalValues.kindsIn("13812345678")).containsExactly(Kind.MOBILE);
        assertThat(PersonalValues.kindsIn("+86 138-1234-5678")).containsExactly(Kind.MOBILE);
        assertThat(PersonalValues.kindsIn("请联系王老师：139 0535 1234")).containsExactly(Kind.MOBILE);
        assertThat(PersonalValues.kindsIn("0535-6200001")).as("a landline of an office").isEmpty();
        assertThat(PersonalValues.kindsIn("12812345678")).as("no such network").isEmpty();
        assertThat(PersonalValues.kindsIn("2138123456789")).as("inside a longer number").isEmpty();
    }

    @Test
    void bankCardsPassTheLuhnCheck() {
        assertThat(PersonalValues.isBankCard("6222021234567890128")).isTrue();
        assertThat(PersonalValues.isBankCard("6222 0212 3456 7890 128")).isTrue();
        assertThat(PersonalValues.isBankCard("6222021234567890123")).isFalse();
        assertThat(PersonalValues.isBankCard("1234567812345670")).as("not an issuer's first digit").isFalse();
        assertThat(PersonalValues.kindsIn("卡号 4111111111111111")).contains(Kind.BANK_CARD);
    }

    @Test
    void namesAreShortHanValuesAfterACommonSurnameButNotPlacesOrOffices() {
        assertThat(PersonalValues.isName("张三")).isTrue();
        assertThat(PersonalValues.isName("欧阳娜娜")).isTrue();
        assertThat(PersonalValues.isName("阿依古丽·买买提")).isTrue();
        assertThat(PersonalValues.isName("芝罘区")).isFalse();
        assertThat(PersonalValues.isName("黄海路")).isFalse();
        assertThat(PersonalValues.isName("市公安局")).isFalse();
        assertThat(PersonalValues.isName("夜间值守")).isFalse();
        assertThat(PersonalValues.isName("张三丰大侠客")).isFalse();
        assertThat(PersonalValues.isName("Zhang San")).isFalse();
    }

    @Test
    void addressesNameAStreetOrVillageAndANumber() {
        assertThat(PersonalValues.kindsIn("烟台市芝罘区幸福路12号3单元201室")).contains(Kind.ADDRESS);
        assertThat(PersonalValues.kindsIn("福山区门楼镇大沟村3组")).contains(Kind.ADDRESS);
        assertThat(PersonalValues.kindsIn("烟台市芝罘区")).doesNotContain(Kind.ADDRESS);
        assertThat(PersonalValues.kindsIn("路灯维修 12 处")).doesNotContain(Kind.ADDRESS);
    }

    @Test
    void blankValuesHoldNothing() {
        assertThat(PersonalValues.kindsIn(null)).isEmpty();
        assertThat(PersonalValues.kindsIn("   ")).isEmpty();
    }
}

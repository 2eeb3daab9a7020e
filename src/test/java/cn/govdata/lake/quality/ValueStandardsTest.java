package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueStandardsTest {

    private final ValueStandards standards = new ValueStandards(IdNumberTest.DIVISIONS::contains, IdNumberTest.TODAY);

    @ParameterizedTest
    @ValueSource(strings = { "GB 11643", "GB11643", "gb 11643-1999", " GB 11643—1999 ", "公民身份号码", "GB　11643" })
    void findsTheIdNumberStandardHoweverItIsWritten(String text) {
        assertThat(standards.find(text)).get().isInstanceOf(IdNumber.class);
    }

    @Test
    void findsEachBuiltInStandard() {
        assertThat(standards.find("GB 32100-2015")).get().isInstanceOf(CreditCodeStandard.class);
        assertThat(standards.find("GB/T 2260-2007")).get().isInstanceOf(DivisionCode.class);
        assertThat(standards.find("gb／t2260")).get().isInstanceOf(DivisionCode.class);
        assertThat(standards.find("GB/T 2261.1-2003")).get().isEqualTo(CodeList.SEX);
        assertThat(standards.find("GB/T 3304")).get().isEqualTo(CodeList.ETHNIC_GROUP);
        assertThat(standards.find("手机号码")).get().isInstanceOf(MobileNumber.class);
        assertThat(standards.find("E-mail")).get().isInstanceOf(EmailAddress.class);
    }

    @Test
    void knowsNothingOfUnknownOrBlankStandards() {
        assertThat(standards.find("GB/T 99999")).isEmpty();
        assertThat(standards.find(" ")).isEmpty();
        assertThat(standards.find(null)).isEmpty();
    }

    @Test
    void learnsCodeListsOfTheAuthority() {
        CodeList marriage = new CodeList("GB/T 4766", Set.of("10", "20", "21", "22", "23", "30", "40", "90"));
        ValueStandards more = standards.withCodeList(marriage, "婚姻状况代码");
        assertThat(more.find("GB/T 4766-1984")).get().isEqualTo(marriage);
        assertThat(more.find("婚姻状况代码")).get().isEqualTo(marriage);
        assertThat(standards.find("GB/T 4766")).as("the original registry is unchanged").isEmpty();
    }

    @Test
    void creditCodesAreCheckedByOrgsCreditCode() {
        CreditCodeStandard credit = new CreditCodeStandard();
        assertThat(credit.accepts("91350100M000100Y43")).isTrue();
        assertThat(credit.refusal("91350100M000100Y44").reason()).isEqualTo(ReasonCode.CREDIT_CODE_CHECK_CHARACTER);
        assertThat(credit.refusal("91350100M0001O0Y43").reason()).isEqualTo(ReasonCode.CREDIT_CODE_ALPHABET);
        assertThat(credit.refusal("91350100m000100y43").reason()).as("lower case is not the standard's")
                .isEqualTo(ReasonCode.CREDIT_CODE_ALPHABET);
        assertThat(credit.refusal("9135").reason()).isEqualTo(ReasonCode.CREDIT_CODE_LENGTH);
        assertThat(credit.refusal("9135").rule()).isEqualTo(RuleCode.CREDIT_CODE);
    }

    @Test
    void divisionCodesMustBeCurrentDivisions() {
        DivisionCode known = new DivisionCode(IdNumberTest.DIVISIONS::contains);
        assertThat(known.accepts("370602")).isTrue();
        assertThat(known.accepts("370621")).as("a former county is not a code for new data").isFalse();
        assertThat(known.accepts("37060")).isFalse();
        assertThat(known.accepts("37060a")).isFalse();
        assertThat(known.refusal("990000").rule()).isEqualTo(RuleCode.DIVISION_CODE);
        DivisionCode formatOnly = new DivisionCode(null);
        assertThat(formatOnly.accepts("370621")).isTrue();
        assertThat(formatOnly.accepts("990000")).as("no province 99").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "13812345678", "19912345678", "16612345678", "14712345678" })
    void acceptsMainlandMobileNumbers(String value) {
        assertThat(new MobileNumber().accepts(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "12812345678", "1381234567", "138123456789", "+8613812345678", "138-1234-5678",
            "1381234567a", "05355551234" })
    void refusesWhatIsNotAMainlandMobileNumber(String value) {
        assertThat(new MobileNumber().accepts(value)).isFalse();
        assertThat(new MobileNumber().refusal(value).rule()).isEqualTo(RuleCode.MOBILE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "zhang.san@yantai.gov.cn", "a@b.cn", "x_y+tag@mail.example.com", "o'brien@example.org",
            "user@sub-domain.example.com", "123@163.com" })
    void acceptsEmailAddresses(String value) {
        assertThat(new EmailAddress().accepts(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "zhang.san", "@yantai.gov.cn", "zhang@", "zhang@@yantai.gov.cn", "zhang@yantai",
            ".zhang@yantai.gov.cn", "zhang.@yantai.gov.cn", "zh..ang@yantai.gov.cn", "zhang san@yantai.gov.cn",
            "zhang@-yantai.gov.cn", "zhang@yantai-.gov.cn", "zhang@yantai..cn", "zhang@yantai.c", "zhang@yantai.c1",
            "张三@yantai.gov.cn", "zhang@烟台.中国" })
    void refusesWhatIsNoEmailAddress(String value) {
        assertThat(new EmailAddress().accepts(value)).as(value).isFalse();
    }

    @Test
    void refusesOverlongEmailAddresses() {
        assertThat(new EmailAddress().accepts("a".repeat(65) + "@example.com")).isFalse();
        assertThat(new EmailAddress().accepts("a@" + "b".repeat(64) + ".com")).isFalse();
        assertThat(new EmailAddress().accepts("a@" + ("b".repeat(60) + ".").repeat(5) + "com")).isFalse();
    }

    @Test
    void builtInCodeLists() {
        assertThat(CodeList.SEX.accepts("1")).isTrue();
        assertThat(CodeList.SEX.accepts("3")).isFalse();
        assertThat(CodeList.SEX.refusal("男")).isEqualTo(new Refusal(ReasonCode.CODE_LIST, "GB/T 2261.1"));
        assertThat(CodeList.SEX.refusal("男").rule()).isEqualTo(RuleCode.CODE_LIST);
        assertThat(CodeList.ETHNIC_GROUP.accepts("01")).isTrue();
        assertThat(CodeList.ETHNIC_GROUP.accepts("56")).isTrue();
        assertThat(CodeList.ETHNIC_GROUP.accepts("98")).isTrue();
        assertThat(CodeList.ETHNIC_GROUP.accepts("57")).isFalse();
        assertThat(CodeList.ETHNIC_GROUP.accepts("1")).as("two digits").isFalse();
    }

    @Test
    void personalStandardsAreMarkedSo() {
        assertThat(standards.find("GB 11643").orElseThrow().personal()).isTrue();
        assertThat(standards.find("mobile").orElseThrow().personal()).isTrue();
        assertThat(standards.find("email").orElseThrow().personal()).isTrue();
        assertThat(standards.find("GB 32100").orElseThrow().personal()).isFalse();
    }
}

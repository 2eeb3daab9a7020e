package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    /** Divisions as org's Directory would answer: Yantai's districts, its city, Beijing's Xicheng. */
    static final Set<String> DIVISIONS = Set.of("370000", "370600", "370602", "370611", "110000", "110102", "110105");

    private final IdNumber withDivisions = new IdNumber(DIVISIONS::contains, TODAY);
    private final IdNumber provinceOnly = new IdNumber(null, TODAY);

    /** A valid number from the first 17 digits. */
    static String valid(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void acceptsTheWorkedExampleOfTheStandard() {
        // GB 11643-1999's example: Chaoyang District, Beijing, born 1949-12-31, check character X
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(withDivisions.accepts("11010519491231002X")).isTrue();
    }

    @Test
    void acceptsNumbersWithEveryCheckCharacter() {
        for (int sequence = 100; sequence < 130; sequence++) {
            String number = valid("37060219800517" + sequence);
            assertThat(withDivisions.accepts(number)).as(number).isTrue();
        }
    }

    @Test
    void refusesAWrongCheckDigit() {
        String number = valid("37060219800517123");
        char wrong = number.charAt(17) == '0' ? '1' : '0';
        String typo = number.substring(0, 17) + wrong;
        assertThat(withDivisions.accepts(typo)).isFalse();
        assertThat(withDivisions.refusal(typo).rule()).isEqualTo(RuleCode.ID_NUMBER_CHECK_DIGIT);
    }

    @Test
    void aSwappedPairOfDigitsIsCaught() {
        String number = valid("37060219800517123");
        String swapped = number.substring(0, 14) + number.charAt(15) + number.charAt(14) + number.substring(16);
        assertThat(withDivisions.refusal(swapped).rule()).isEqualTo(RuleCode.ID_NUMBER_CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3706021980051712", "3706021980051712345", "37060219800517123A", "3706O2198005171234",
            "ABCDEFGHIJKLMNOPQR", "37060219800517123 " })
    void refusesWhatIsNotEighteenDigitsAndACheckCharacter(String value) {
        assertThat(withDivisions.accepts(value)).isFalse();
        assertThat(withDivisions.refusal(value).rule()).isEqualTo(RuleCode.ID_NUMBER_FORMAT);
    }

    @Test
    void aLowerCaseXIsAFormatFailureThatSaysSo() {
        String upper = "11010519491231002X";
        String lower = upper.toLowerCase();
        assertThat(withDivisions.accepts(lower)).isFalse();
        assertThat(withDivisions.refusal(lower)).isEqualTo(new Refusal(ReasonCode.ID_NUMBER_LOWER_CASE_X));
        assertThat(withDivisions.refusal(lower).rule()).isEqualTo(RuleCode.ID_NUMBER_FORMAT);
    }

    @Test
    void recognisesTheLegacyFifteenDigitForm() {
        assertThat(withDivisions.accepts("370602800517123")).isFalse();
        assertThat(withDivisions.refusal("370602800517123").rule()).isEqualTo(RuleCode.ID_NUMBER_LEGACY);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3706021980023012", // 30 February
            "3706021981022912", // 29 February of a common year
            "3706021980130112", // month 13
            "3706021899123112", // before 1900
            "3706022026060212" // tomorrow
    })
    void refusesBirthDatesThatAreNotRealOrNotPlausible(String first16) {
        String number = valid(first16 + "3");
        assertThat(withDivisions.accepts(number)).as(number).isFalse();
        assertThat(withDivisions.refusal(number).rule()).isEqualTo(RuleCode.ID_NUMBER_BIRTH_DATE);
    }

    @Test
    void acceptsTheLeapDayAndToday() {
        assertThat(withDivisions.accepts(valid("37060220000229123"))).isTrue();
        assertThat(withDivisions.accepts(valid("37060220260601123"))).isTrue();
        assertThat(withDivisions.accepts(valid("37060219000101123"))).isTrue();
    }

    @Test
    void checksTheRegionAgainstTheDivisionList() {
        assertThat(withDivisions.refusal(valid("99060219800517123")).rule()).isEqualTo(RuleCode.ID_NUMBER_REGION);
        assertThat(withDivisions.refusal(valid("37990019800517123")).rule()).isEqualTo(RuleCode.ID_NUMBER_REGION);
        assertThat(provinceOnly.refusal(valid("99060219800517123")).rule()).isEqualTo(RuleCode.ID_NUMBER_REGION);
        assertThat(provinceOnly.accepts(valid("37990019800517123"))).as("without a list only the province counts").isTrue();
    }

    @Test
    void acceptsTheCodeOfAFormerCountyOfAKnownCity() {
        // 370621 was Fushan County, now a district with another code: older people's numbers keep it
        assertThat(withDivisions.accepts(valid("37062119500101123"))).isTrue();
    }

    @Test
    void acceptsResidencePermitsOfHongKongMacaoAndTaiwanResidents() {
        assertThat(withDivisions.accepts(valid("81000019800517123"))).isTrue();
        assertThat(withDivisions.accepts(valid("83000019800517123"))).isTrue();
        assertThat(withDivisions.accepts(valid("83010019800517123"))).isFalse();
    }

    @Test
    void readsTheBirthDateAndSex() {
        String man = valid("37060219800517123");
        assertThat(IdNumber.birthDay(man)).isEqualTo(LocalDate.of(1980, 5, 17).toEpochDay());
        assertThat(IdNumber.male(man)).as("odd 17th digit").isTrue();
        assertThat(IdNumber.male(valid("37060219800517124"))).isFalse();
    }
}

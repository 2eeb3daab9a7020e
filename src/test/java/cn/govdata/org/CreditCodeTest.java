package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.DomainException;

class CreditCodeTest {

    @Test
    void acceptsTheExampleCodeOfTheStandard() {
        // GB 32100-2015's worked example
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
    }

    @Test
    void refusesLettersOutsideTheAlphabetAndWrongLengths() {
        assertThat(CreditCode.isValid("91350100M0001O0Y43")).as("letter O is not used").isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void normalisesCaseAndWhitespaceBeforeChecking() {
        assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void anInvalidCodeCannotBeConstructed() {
        assertThatThrownBy(() -> CreditCode.of("123")).isInstanceOf(DomainException.class)
                .hasMessageContaining("INVALID_CREDIT_CODE");
    }
}

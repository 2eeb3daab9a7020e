package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryDivisionsTest {

    private final Directory directory = new Directory(null, null, new Divisions(), null);

    @Test
    void knowsTheShippedDivisionsAtEveryLevel() {
        assertThat(directory.isDivisionCode("370000")).as("Shandong").isTrue();
        assertThat(directory.isDivisionCode("370600")).as("Yantai").isTrue();
        assertThat(directory.isDivisionCode("370602")).as("Zhifu District").isTrue();
    }

    @Test
    void knowsNothingElse() {
        assertThat(directory.isDivisionCode("379999")).isFalse();
        assertThat(directory.isDivisionCode("3706")).isFalse();
        assertThat(directory.isDivisionCode(null)).isFalse();
    }
}

package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void keepsAQuarterOfAPersonalValueAtEachEndAtMostFour() {
        assertThat(Masking.mask("37060219800517123X")).isEqualTo("3706**********123X");
        assertThat(Masking.mask("13812345678")).isEqualTo("13*******78");
        assertThat(Masking.mask("1980-05-17")).isEqualTo("19******17");
        assertThat(Masking.mask("zhang.san@yantai.gov.cn")).isEqualTo("zhan***************v.cn");
    }

    @Test
    void shortNamesKeepOnlyTheFirstCharacter() {
        assertThat(Masking.mask("张三丰")).isEqualTo("张**");
        assertThat(Masking.mask("张三")).isEqualTo("张*");
        assertThat(Masking.mask("张")).isEqualTo("*");
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneCharacter() {
        assertThat(Masking.mask("𠀀𠀁𠀂")).isEqualTo("𠀀**");
    }

    @Test
    void otherValuesAreQuotedCutToThirtyTwoCharactersOnOneLine() {
        assertThat(Masking.shown("abc", false)).isEqualTo("abc");
        assertThat(Masking.shown("a".repeat(40), false)).isEqualTo("a".repeat(32) + "…");
        assertThat(Masking.shown("line one\nline two", false)).isEqualTo("line one line two");
        assertThat(Masking.shown("13812345678", true)).isEqualTo("13*******78");
    }
}

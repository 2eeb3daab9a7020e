package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personal values quoted in free text are shown masked by the platform's masking rules. */
class TextMaskingTest {

    @Test
    void idNumbersMobilesBankCardsAndEmailsAreMaskedWhereverTheyStand() {
        assertThat(TextMasking.masked("key 370602198003121015")).isEqualTo("key 370602********1015");
        assertThat(TextMasking.masked("身份证37060219800312101X，手机13812345678。"))
                .isEqualTo("身份证370602********101X，手机138****5678。");
        assertThat(TextMasking.masked("tel +86 13812345678, card 6222021234567890123"))
                .isEqualTo("tel +86 138****5678, card 622202*********0123");
        assertThat(TextMasking.masked("mail zhang.san@example.gov.cn; 13812345678@139.com"))
                .isEqualTo("mail z********@example.gov.cn; 1**********@139.com");
    }

    @Test
    void digitsInsideHashesCodesAndOrdinaryNumbersAreLeftAlone() {
        String hash = "a370602198003121015b66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e";
        assertThat(TextMasking.masked(hash)).isEqualTo(hash);
        assertThat(TextMasking.masked("entries 1234567, broken at 12; code 91370602MA3C12345X; 1234567890123456789012"))
                .isEqualTo("entries 1234567, broken at 12; code 91370602MA3C12345X; 1234567890123456789012");
        assertThat(TextMasking.masked("部门 市民政局 创建")).isEqualTo("部门 市民政局 创建");
        assertThat(TextMasking.masked(null)).isNull();
    }

    @Test
    void theShapesAreThoseOfTheMaskingRules() {
        assertThat(TextMasking.masked("370602198003121015")).isEqualTo(MaskingRule.ID_NUMBER.apply("370602198003121015"));
        assertThat(TextMasking.masked("13812345678")).isEqualTo(MaskingRule.MOBILE.apply("13812345678"));
        assertThat(TextMasking.masked("6222021234567890")).isEqualTo(MaskingRule.BANK_CARD.apply("6222021234567890"));
    }
}

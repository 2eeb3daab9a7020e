package cn.govdata.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The analyzer cuts Chinese into words, not characters, and no input makes it fail. */
class CatalogAnalyzerTest {

    private static List<String> words(String text) {
        return ChineseText.tokens(text).stream().map(ChineseText.Token::term).toList();
    }

    @Test
    void chineseIsCutIntoWordsNotSingleCharacters() {
        assertThat(words("企业登记信息")).containsExactly("企业", "登记", "信息");
        assertThat(words("统一社会信用代码")).containsExactly("统一", "社会", "信用", "代码");
        assertThat(words("危险化学品经营许可")).containsExactly("危险", "化学品", "经营", "许可");
        assertThat(words("不动产登记")).containsExactly("不动产", "登记");
    }

    @Test
    void punctuationIsDroppedLatinIsLowerCasedAndOffsetsPointIntoTheText() {
        assertThat(words("婚姻登记信息，记录办理结果。")).containsExactly("婚姻", "登记", "信息", "记录", "办理", "结果");
        assertThat(words("Credit_Code")).containsExactly("credit", "code");
        assertThat(words("301001/000123")).containsExactly("301001", "000123");
        ChineseText.Token token = ChineseText.tokens("本市企业登记").get(1);
        assertThat("本市企业登记".substring(token.start(), token.end())).isEqualTo(token.term());
    }

    @Test
    void anyInputIsAnalyzedWithoutFailing() {
        for (String input : List.of("C++ (", "\"", "*:?~^[]{}\\/", "AND OR NOT", "", "   ", "（", "𠀀𠀁", "\u0000")) {
            assertThat(ChineseText.tokens(input)).as(input).isNotNull();
        }
    }

    @Test
    void highlightingMarksWholeWordsAndEscapesTheRest() {
        assertThat(ChineseText.highlight("企业登记<信息>", Set.of("登记"), 100)).isEqualTo("企业<em>登记</em>&lt;信息&gt;");
        assertThat(ChineseText.highlight("企业登记信息", Set.of("房屋"), 100)).isNull();
        String longText = "前言".repeat(100) + "房屋抵押" + "后记".repeat(100);
        String fragment = ChineseText.highlight(longText, Set.of("抵押"), 40);
        assertThat(fragment).startsWith("…").endsWith("…").contains("<em>抵押</em>");
    }
}

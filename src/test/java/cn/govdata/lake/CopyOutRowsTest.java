package cn.govdata.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** COPY's text format read back into values: what PostgreSQL escapes comes out as it was stored. */
class CopyOutRowsTest {

    private static String[] fields(String row) {
        return CopyOutRows.fields(row.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainFieldsAreSplitAtTabsAndTheClosingNewlineIsDropped() {
        assertThat(fields("370602199001011234\t张三\t370602\n")).containsExactly("370602199001011234", "张三", "370602");
    }

    @Test
    void backslashNAloneIsNullAndEmptyFieldsStayEmpty() {
        assertThat(fields("k\t\\N\t\t\\\\N\n")).containsExactly("k", null, "", "\\N");
    }

    @Test
    void escapedControlCharactersBackslashesAndOctalOrHexBytesAreRestored() {
        assertThat(fields("a\\tb\\nc\\\\d\\re\t\\101\\x42\\b\\f\\v\n"))
                .containsExactly("a\tb\nc\\d\re", "AB\b\f\u000b");
        // a multi-byte character written as escaped bytes
        assertThat(fields("\\345\\274\\240\n")).containsExactly("张");
    }

    @Test
    void aRowWithoutTheNewlineAndASingleEmptyFieldAreRead() {
        assertThat(fields("only")).containsExactly("only");
        assertThat(fields("\n")).containsExactly("");
    }
}

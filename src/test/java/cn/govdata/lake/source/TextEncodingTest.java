package cn.govdata.lake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextEncodingTest {

    static final Charset GBK = Charset.forName("GBK");
    static final String CHINESE = "姓名,公民身份号码\n张三,烟台市芝罘区\n";

    private static TextEncoding detect(byte[] bytes, Charset override) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes), TextEncoding.PREFIX + 1);
        TextEncoding encoding = TextEncoding.of(in, override);
        assertThat(in.read()).as("the stream is left where it was").isEqualTo(bytes.length == 0 ? -1 : bytes[0] & 0xFF);
        return encoding;
    }

    @Test
    void utf8WithoutAMark() throws IOException {
        assertThat(detect(CHINESE.getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 0));
    }

    @Test
    void utf8WithAByteOrderMark() throws IOException {
        byte[] text = CHINESE.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        assertThat(detect(marked, null)).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 3));
    }

    @Test
    void gbkIsReadAsGb18030() throws IOException {
        byte[] gbk = CHINESE.getBytes(GBK);
        assertThat(detect(gbk, null)).isEqualTo(new TextEncoding(TextEncoding.GB18030, 0));
        assertThat(new String(gbk, TextEncoding.GB18030)).isEqualTo(CHINESE);
    }

    @Test
    void asciiIsUtf8() throws IOException {
        assertThat(detect("xm,gmsfhm\n".getBytes(StandardCharsets.US_ASCII), null).charset())
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect(new byte[0], null).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aCharacterCutByTheEndOfThePrefixIsStillUtf8() throws IOException {
        StringBuilder text = new StringBuilder("ab"); // two ASCII bytes, then three-byte characters across 64 KB
        while (text.length() < TextEncoding.PREFIX) {
            text.append('烟');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat((TextEncoding.PREFIX - 2) % 3).as("the prefix ends inside a character").isNotZero();
        assertThat(detect(bytes, null).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16MarksAreRecognised() throws IOException {
        assertThat(detect(new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 }, null))
                .isEqualTo(new TextEncoding(StandardCharsets.UTF_16LE, 2));
        assertThat(detect(new byte[] { (byte) 0xFE, (byte) 0xFF, 0, 'a' }, null))
                .isEqualTo(new TextEncoding(StandardCharsets.UTF_16BE, 2));
    }

    @Test
    void theCallerMayNameTheEncoding() throws IOException {
        assertThat(detect(CHINESE.getBytes(StandardCharsets.UTF_8), GBK)).isEqualTo(new TextEncoding(GBK, 0));
        byte[] marked = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a' };
        assertThat(detect(marked, StandardCharsets.UTF_8)).as("the mark is still skipped")
                .isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 3));
    }
}

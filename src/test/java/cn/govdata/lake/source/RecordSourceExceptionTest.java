package cn.govdata.lake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class RecordSourceExceptionTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    RecordSourceExceptionTest() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);  // as spring.messages.always-use-message-format in application.yml
    }

    private String render(RecordSourceException e, Locale locale) {
        return messages.getMessage(e.code().messageKey(), e.arguments(), locale);
    }

    @Test
    void aMalformedLineIsExplainedInTheCallersLanguage() {
        RecordSourceException e = RecordSourceException.malformed(SourceFormat.CSV, 12345, SourceFault.CSV_SYNTAX, null);
        assertThat(render(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo("CSV 文件第 12345 行格式错误：CSV 语法错误（例如引号未闭合）。");
        assertThat(render(e, Locale.ENGLISH)).isEqualTo(
                "The CSV file is malformed at line 12345: the CSV syntax is broken (for example a quoted value is not closed).");
    }

    @Test
    void everyFaultHasAMessageInEveryLanguage() {
        for (SourceFault fault : SourceFault.values()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String text = render(RecordSourceException.unreadable(SourceFormat.XLSX, fault, null), locale);
                assertThat(text).as(fault + " " + locale).doesNotContain("lake.fault").doesNotContain("''");
            }
        }
        assertThat(render(RecordSourceException.unreadable(SourceFormat.XLSX, SourceFault.ENCODING, null), Locale.ENGLISH))
                .contains("the file's encoding");
    }

    @Test
    void columnMismatchesListWhatIsWrongAndWhatIsExpected() {
        RecordSourceException e = RecordSourceException.columns(List.of("婚姻状况"), List.of(), List.of("gmsfhm (公民身份号码)"),
                "xm (姓名), gmsfhm (公民身份号码)");
        assertThat(render(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo("文件的列与目录条目的信息项不符。无法识别的列：婚姻状况；重复的列：—；"
                + "缺少的必填信息项：gmsfhm (公民身份号码)。可用的列名（标识符或中文名称）：xm (姓名), gmsfhm (公民身份号码)。");
        assertThat(render(e, Locale.ENGLISH)).startsWith("The file's columns do not match");
    }
}

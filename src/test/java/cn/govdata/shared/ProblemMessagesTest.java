package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
    void everyProblemCodeHasAMessageInEveryLanguage(String file) throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(messages.getProperty(code.messageKey())).as(code + " in " + file).isNotBlank();
            assertThat(messages.getProperty("problem.title." + code.status().value())).as("title of " + code)
                    .isNotBlank();
        }
    }

    /** Every message is rendered by MessageFormat: a lone apostrophe would swallow text, a doubled one must show once. */
    @ParameterizedTest
    @ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
    void everyMessageRendersItsApostrophesAndPlaceholders(String file) throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            String rendered = new java.text.MessageFormat(text).format(new Object[] { "A", "B", "C" });
            assertThat(rendered).as(key + " in " + file).doesNotContain("''").doesNotContain("{0}");
            assertThat(text.replace("''", "").contains("'")).as("lone apostrophe in " + key + " of " + file).isFalse();
        }
    }
}

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
}

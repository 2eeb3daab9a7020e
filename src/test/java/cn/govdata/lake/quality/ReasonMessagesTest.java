package cn.govdata.lake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every reason a rule can give ({@link ReasonCode}; the rules can give no other) has its message in both
 * languages, and both read the same arguments, so no language drops the value or the item it quotes.
 * ProblemMessagesTest checks that every message renders its apostrophes and placeholders.
 */
class ReasonMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Properties load(String file) throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(ReasonMessagesTest.class.getClassLoader().getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyReasonHasAMessageInBothLanguagesReadingTheSameArguments() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        List<String> keys = new ArrayList<>();
        for (ReasonCode code : ReasonCode.values()) {
            keys.add(code.key());
        }
        keys.add(ReasonCode.PREFIX + "item");
        for (String key : keys) {
            assertThat(english.getProperty(key)).as(key + " in English").isNotBlank();
            assertThat(chinese.getProperty(key)).as(key + " in Chinese").isNotBlank();
            if (!key.endsWith(".item")) {  // the item message picks one of its two arguments per language
                assertThat(placeholders(chinese.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void everyReasonQuotesTheValueExceptTheOnesThatMustNot() throws IOException {
        Properties english = load("messages.properties");
        for (ReasonCode code : ReasonCode.values()) {
            Set<String> used = placeholders(english.getProperty(code.key()));
            if (code == ReasonCode.REQUIRED) {
                assertThat(used).as("nothing to quote").isEmpty();
            } else {
                assertThat(used).as(code + " quotes the value (or, for a duplicate, the first row)").contains("0");
            }
        }
    }
}

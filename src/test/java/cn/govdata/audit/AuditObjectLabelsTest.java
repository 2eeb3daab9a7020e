package cn.govdata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every object type the modules record has a label in both languages: an auditor never reads "security-incident". */
class AuditObjectLabelsTest {

    private static final Pattern RECORDED = Pattern.compile(
            "(?:AuditEvent\\.(?:success|failure)|new AuditEvent)\\(\\s*[A-Za-z]+\\.[A-Z_]+,\\s*\"([a-z-]+)\"");

    @ParameterizedTest
    @ValueSource(strings = { "messages.properties", "messages_zh_CN.properties" })
    void everyRecordedObjectTypeHasALabel(String file) throws IOException {
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RECORDED.matcher(Files.readString(source));
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        }
        Properties messages = new Properties();
        try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        assertThat(recorded).as("object types found").contains("catalog-entry", "dataset");
        assertThat(recorded).allSatisfy(type -> assertThat(messages.getProperty("audit.object." + type))
                .as("label of " + type + " in " + file).isNotBlank());
    }
}

package cn.govdata.security.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The items of the yearly self-assessment, from {@code security/assessment-checklist.yml} (SEC-6). */
@Component
class AssessmentChecklist {

    /** One item: a stable code, its area (访问控制, 安全审计…), what is asked, and the standard it comes from. */
    record Item(String code, String area, String title, String basis) {
    }

    private final List<Item> items;

    AssessmentChecklist() {
        try (InputStream in = new ClassPathResource("security/assessment-checklist.yml").getInputStream()) {
            Map<String, List<Map<String, Object>>> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            this.items = loaded.get("items").stream().map(item -> new Item(String.valueOf(item.get("code")),
                    String.valueOf(item.get("area")), String.valueOf(item.get("title")),
                    String.valueOf(item.get("basis")))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Item> items() {
        return items;
    }

    boolean has(String code) {
        return items.stream().anyMatch(item -> item.code().equals(code));
    }
}

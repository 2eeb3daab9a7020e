package cn.govdata.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every action the log can record, found once at start-up from the modules' {@link AuditAction} enums, with its
 * label in Chinese and English from {@code messages*.properties} ({@code audit.action.<code>}); and the object
 * types' labels ({@code audit.object.<type>}). The log keeps storing the codes; people read the labels. The enums
 * are found by scanning because the audit module may not depend on the modules that depend on it.
 */
@Component
class AuditVocabulary {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ROOT;

    record Label(String code, String zh, String en) {

        boolean mentions(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return code.contains(lower) || zh.contains(text) || en.toLowerCase(Locale.ROOT).contains(lower);
        }
    }

    private final MessageSource messages;
    private final List<Label> actions;
    private final List<Label> objectTypes;

    AuditVocabulary(MessageSource messages) {
        this.messages = messages;
        this.actions = findActions().stream()
                .map(code -> label("audit.action.", code))
                .sorted(Comparator.comparing(Label::code))
                .toList();
        this.objectTypes = findObjectTypes().stream()
                .map(type -> label("audit.object.", type))
                .sorted(Comparator.comparing(Label::code))
                .toList();
    }

    List<Label> actions() {
        return actions;
    }

    /** The object types that have a label (the keys {@code audit.object.*} of the default messages). */
    List<Label> objectTypes() {
        return objectTypes;
    }

    boolean isAction(String code) {
        return actions.stream().anyMatch(a -> a.code().equals(code));
    }

    /** The codes whose name or label (in either language) contains the text a person typed. */
    Set<String> actionsMentioning(String text) {
        return actions.stream().filter(a -> a.mentions(text.trim())).map(Label::code).collect(Collectors.toSet());
    }

    private Label label(String prefix, String code) {
        return new Label(code, messages.getMessage(prefix + code, null, code, CHINESE),
                messages.getMessage(prefix + code, null, code, ENGLISH));
    }

    private static List<String> findObjectTypes() {
        try {
            return PropertiesLoaderUtils.loadAllProperties("messages.properties").stringPropertyNames().stream()
                    .filter(key -> key.startsWith("audit.object."))
                    .map(key -> key.substring("audit.object.".length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> findActions() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AuditAction.class));
        List<String> codes = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("cn.govdata")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), AuditVocabulary.class.getClassLoader());
            if (type.isEnum()) {
                Arrays.stream(type.getEnumConstants()).map(c -> ((AuditAction) c).code()).forEach(codes::add);
            }
        }
        return codes;
    }
}

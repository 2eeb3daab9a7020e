package cn.govdata.lake.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a record fails a rule, kept as a message key and its arguments rather than as text, so that a report
 * stored once reads in the language of whoever opens it: Chinese for an official, English for an English
 * caller. {@link ReasonCode} lists the messages and what their arguments are.
 *
 * @param key the message key, {@code lake.reason.<CODE>}; a key, not a {@link ReasonCode}, so that a stored
 *        report stays readable whatever becomes of the enum
 * @param args texts (a value as {@link Masking} quotes it, a bound, a list's name) or {@link Item}s; never a
 *        personal value in full, since reasons are stored in reports
 */
public record Reason(String key, List<Object> args) {

    public Reason {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
        for (Object arg : args) {
            if (!(arg instanceof String) && !(arg instanceof Item)) {
                throw new IllegalArgumentException("a reason's arguments are texts or items, not " + arg.getClass());
            }
        }
    }

    static Reason of(ReasonCode code, Object... args) {
        return new Reason(code.key(), List.of(args));
    }

    /**
     * A data item a reason names. Chinese readers know an item by its Chinese name, English readers by its
     * identifier (the console shows the identifier beside the name), so it is resolved through
     * {@code lake.reason.item}, which picks one or the other.
     *
     * @param chineseName the catalog's name, or null when the item has none
     */
    record Item(String identifier, String chineseName) {

        Item {
            Objects.requireNonNull(identifier, "identifier");
        }

        MessageSourceResolvable resolvable() {
            String name = chineseName == null || chineseName.isBlank() ? identifier : chineseName;
            return new DefaultMessageSourceResolvable(new String[] { ReasonCode.PREFIX + "item" },
                    new Object[] { identifier, name }, identifier);
        }
    }

    /**
     * The reason as Spring's {@link MessageSource} resolves it, items included; also usable as an argument of
     * another message (a problem's violation), which the message source then resolves in the same language.
     * An unknown key (a report stored by a later version) reads as the key rather than failing the report.
     */
    public MessageSourceResolvable resolvable() {
        Object[] resolved = args.stream().map(arg -> arg instanceof Item item ? item.resolvable() : arg).toArray();
        return new DefaultMessageSourceResolvable(new String[] { key }, resolved, key);
    }

    /** The reason in a language. */
    public String in(MessageSource messages, Locale locale) {
        return messages.getMessage(resolvable(), locale);
    }

    /** Reads a stored reason: JSON gives an item argument back as an object of its fields. */
    @JsonCreator
    static Reason stored(@JsonProperty("key") String key, @JsonProperty("args") List<Object> args) {
        return new Reason(key, args == null ? List.of() : args.stream().map(Reason::storedArg).toList());
    }

    private static Object storedArg(Object arg) {
        if (arg instanceof Map<?, ?> fields && fields.get("identifier") instanceof String identifier) {
            return new Item(identifier, fields.get("chineseName") instanceof String name ? name : null);
        }
        return arg == null ? "" : arg.toString();
    }
}

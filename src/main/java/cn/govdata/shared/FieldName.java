package cn.govdata.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;

/**
 * A request field named in a problem message, shown in the caller's language ({@code field.<path>} in the
 * messages) rather than as the API's identifier: {@code summary} becomes 摘要, {@code dataItems[2].length}
 * becomes 第3个信息项的数据长度. Unknown fields fall back to the identifier.
 */
public record FieldName(String path) implements MessageSourceResolvable {

    private static final Pattern LIST_ELEMENT = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

    public static FieldName of(String path) {
        return new FieldName(path);
    }

    /**
     * The field's text without surrounding blanks: present and at most {@code max} characters long, else the
     * problem that says so ({@code FIELD_REQUIRED}, {@code FIELD_TOO_LONG}) naming the field.
     */
    public String requiredText(String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, this);
        }
        if (value.strip().length() > max) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, this, max);
        }
        return value.strip();
    }

    @Override
    public String[] getCodes() {
        Matcher element = LIST_ELEMENT.matcher(path);
        if (element.matches()) {
            return new String[] { "field." + element.group(1) + "[]" };
        }
        return new String[] { "field." + path };
    }

    @Override
    public Object[] getArguments() {
        Matcher element = LIST_ELEMENT.matcher(path);
        if (element.matches()) {
            return new Object[] { Integer.parseInt(element.group(2)) + 1,
                    new FieldName(element.group(1) + "[]." + element.group(3)) };
        }
        return new Object[0];
    }

    @Override
    public String getDefaultMessage() {
        return path;
    }
}

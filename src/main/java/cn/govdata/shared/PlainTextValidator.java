package cn.govdata.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}: by Unicode general category, so that every such character is caught, not a list. */
class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        this.multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || value.codePoints().allMatch(this::allowed);
    }

    private boolean allowed(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> multiline && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t');
            // FORMAT: zero-width, bidirectional controls, byte-order mark, soft hyphen, …
            case Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}

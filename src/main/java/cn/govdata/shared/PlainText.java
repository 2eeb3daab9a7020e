package cn.govdata.shared;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text that people read — a name, a title, a reason — holds no control characters (NUL, BEL, …), no invisible
 * formatting characters (zero-width spaces and joiners, the bidirectional controls such as U+202E that turn text
 * around, byte-order marks) and no unpaired surrogates; a name also no line breaks. Such characters make two names
 * look alike or a name read differently from what it is. Null is valid (say {@code @NotNull} where needed).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE })
@Retention(RUNTIME)
public @interface PlainText {

    /** Whether line breaks and tabs are allowed, for text of several lines (a description, a reason). */
    boolean multiline() default false;

    String message() default "{cn.govdata.shared.PlainText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

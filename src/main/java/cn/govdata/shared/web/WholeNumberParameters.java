package cn.govdata.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import cn.govdata.shared.WholeNumber;

/**
 * Path variables and request parameters of type {@code long}, {@code Long}, {@code int} and {@code Integer} take
 * canonical {@link WholeNumber}s only, for every controller at once; anything else is a 400
 * {@code INVALID_VALUE} problem naming the parameter, before the controller runs. An empty parameter is "not given", as before.
 * Property editors rather than converters: Spring falls back from a refusing converter to its own number editor,
 * which would take the hex and other scripts' digits again; a binder's own editor is final.
 */
@ControllerAdvice
class WholeNumberParameters {

    @InitBinder
    void wholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new WholeNumberEditor(WholeNumber::parseLong, true));
        binder.registerCustomEditor(Long.TYPE, new WholeNumberEditor(WholeNumber::parseLong, false));
        binder.registerCustomEditor(Integer.class, new WholeNumberEditor(WholeNumber::parseInt, true));
        binder.registerCustomEditor(Integer.TYPE, new WholeNumberEditor(WholeNumber::parseInt, false));
    }

    private static final class WholeNumberEditor extends PropertyEditorSupport {

        private final Function<String, Number> parser;
        private final boolean emptyIsNull;

        WholeNumberEditor(Function<String, Number> parser, boolean emptyIsNull) {
            this.parser = parser;
            this.emptyIsNull = emptyIsNull;
        }

        /** @throws NumberFormatException (an IllegalArgumentException) for anything but a canonical whole number */
        @Override
        public void setAsText(String text) {
            setValue(text.isEmpty() && emptyIsNull ? null : parser.apply(text));
        }
    }
}

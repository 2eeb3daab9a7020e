package cn.govdata.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;

import cn.govdata.shared.WholeNumber;

/**
 * How request bodies are read, for every module: an enum only by its name (never by its position, as Jackson
 * would take {@code 7} or {@code "7"} for a role), a whole number only as a JSON integer or a string of canonical
 * {@link WholeNumber} digits (not {@code "١٠"}, {@code "+10"} or {@code 10.7}). A refused value is a 400
 * {@code MALFORMED_REQUEST} problem.
 */
@Component
class JsonReadingRules implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new SimpleModule("govdata-whole-numbers")
                        .addDeserializer(Long.class, new WholeNumberDeserializer<>(Long.class))
                        .addDeserializer(Long.TYPE, new WholeNumberDeserializer<>(Long.TYPE))
                        .addDeserializer(Integer.class, new WholeNumberDeserializer<>(Integer.class))
                        .addDeserializer(Integer.TYPE, new WholeNumberDeserializer<>(Integer.TYPE)));
    }

    /** Jackson's own number reading, once a string has been checked to be canonical digits. */
    private static final class WholeNumberDeserializer<T> extends StdDeserializer<T> {

        private final ValueDeserializer<T> standard;

        @SuppressWarnings("unchecked")
        WholeNumberDeserializer(Class<T> type) {
            super(type);
            this.standard = (ValueDeserializer<T>) NumberDeserializers.find(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getString();
                // an empty string is "no value", as Jackson has it
                if (!text.isEmpty() && !WholeNumber.isCanonical(text)) {
                    return (T) context.handleWeirdStringValue(handledType(), text, "not a whole number in ASCII digits");
                }
            }
            return standard.deserialize(parser, context);
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return standard.getNullValue(context);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return standard.getNullAccessPattern();
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return standard.getEmptyValue(context);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Integer;
        }
    }
}

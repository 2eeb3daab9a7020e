package cn.govdata.shared.web;

import java.util.Collection;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionType;



/**
 * Request bodies bring no {@code null} element in a JSON array ({@code "roles": ["EDITOR", null]}): no list
 * the platform reads has a use for one, and code that walks a list would fail on it. Refused while reading, as
 * {@link InvalidNullException} with the element's path, which {@link ProblemAdvice} answers as
 * {@code INVALID_VALUE} naming the field. Nulls elsewhere (a record's value pushed as {@code null}) stay.
 */
final class NoNullElements extends SimpleModule {

    /**
     * The rule holds for the JSON the HTTP message converter reads only, not for the application's
     * {@link JsonMapper}, which also reads what the platform stored (not the caller's to fix). It replaces Spring
     * Boot's JSON converter in its place among the converters, so it runs after Boot's customizer.
     */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class InRequestBodies implements ServerHttpMessageConvertersCustomizer {

        private final JsonMapper json;

        InRequestBodies(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void customize(HttpMessageConverters.ServerBuilder converters) {
            converters.withJsonConverter(
                    new JacksonJsonHttpMessageConverter(json.rebuild().addModule(new NoNullElements()).build()));
        }
    }

    NoNullElements() {
        super("govdata-no-null-elements");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new Refusing(deserializer, type);
            }

            @Override
            public ValueDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return type.getContentType().isPrimitive() ? deserializer : new Refusing(deserializer, type);
            }
        });
    }

    /** Reads the list as usual, then refuses it if an element came as {@code null}. */
    private static final class Refusing extends DelegatingDeserializer {

        private final JavaType type;

        Refusing(ValueDeserializer<?> delegate, JavaType type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Refusing(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return refuseNullElements(super.deserialize(parser, context), context);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) {
            return refuseNullElements(super.deserialize(parser, context, intoValue), context);
        }

        private Object refuseNullElements(Object value, DeserializationContext context) {
            Iterable<?> elements = value instanceof Collection<?> collection ? collection
                    : value instanceof Object[] array ? java.util.Arrays.asList(array) : null;
            if (elements == null) {
                return value;
            }
            int index = 0;
            for (Object element : elements) {
                if (element == null) {
                    InvalidNullException refusal = InvalidNullException.from(context, PropertyName.construct(""), type);
                    refusal.prependPath(value, index);
                    throw refusal;
                }
                index++;
            }
            return value;
        }
    }
}

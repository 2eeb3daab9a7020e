package cn.govdata.open.ckan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of an action call as CKAN reads them: the query string of a GET, the JSON object of a POST, or
 * a POST form (including CKAN's old habit of a form whose only key is the JSON). Values arrive as strings,
 * numbers, lists or objects; numbers are accepted as strings ({@code "rows": "10"}), lists as JSON text
 * ({@code facet.field=["tags"]}) or repeated parameters, booleans as {@code true}/{@code True}/{@code 1}.
 */
public final class ActionParameters {

    private final Map<String, Object> values;
    private final JsonMapper json;

    ActionParameters(Map<String, Object> values, JsonMapper json) {
        this.values = values;
        this.json = json;
    }

    /** From request parameters (query string or form): one value as a string, repeated ones as a list. */
    public static ActionParameters ofParameters(Map<String, String[]> parameters, JsonMapper json) {
        if (parameters.size() == 1) {
            Map.Entry<String, String[]> only = parameters.entrySet().iterator().next();
            String key = only.getKey().strip();
            if (key.startsWith("{") && only.getValue().length == 1
                    && (only.getValue()[0].isEmpty() || only.getValue()[0].equals("1"))) {
                return ofJson(key, json);  // a form whose only key is the JSON data (old CKAN clients)
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((key, v) -> values.put(key, v.length == 1 ? v[0] : new ArrayList<>(Arrays.asList(v))));
        return new ActionParameters(values, json);
    }

    static ActionParameters ofJson(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            return new ActionParameters(new LinkedHashMap<>(), json);
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw CkanError.badRequest("JSON Error: the request body is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw CkanError.badRequest("JSON Error: Request data JSON decoded to a " + kind(parsed)
                    + " but it needs to be a dictionary.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return new ActionParameters(values, json);
    }

    public boolean has(String name) {
        Object value = values.get(name);
        return value != null && !(value instanceof String s && s.isEmpty());
    }

    /** A text parameter; a number is its text; a list or object is refused. */
    public String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list && list.size() == 1 && !(list.get(0) instanceof Map || list.get(0) instanceof List)) {
            return String.valueOf(list.get(0));
        }
        throw CkanError.validation(name, "Must be a string");
    }

    /** A required text parameter. */
    public String required(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw CkanError.validation(name, "Missing value");
        }
        return value.strip();
    }

    /** A whole number between min and max (a larger one is cut to max, as CKAN limits rows). */
    public long number(String name, long defaultValue, long min, long max) {
        String text = text(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        long value;
        try {
            BigDecimal parsed = new BigDecimal(text.strip());
            value = parsed.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw CkanError.validation(name, "Invalid integer");
        }
        if (value < min) {
            throw CkanError.validation(name, min == 0 ? "Must be a natural number" : "Must be at least " + min);
        }
        return Math.min(value, max);
    }

    public boolean bool(String name, boolean defaultValue) {
        String text = text(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw CkanError.validation(name, "Value must be one of: true, false");
        };
    }

    /** A list of strings: a list, JSON text of a list, or a comma-separated string. */
    public List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            String t = text.strip();
            if (t.startsWith("[")) {
                try {
                    value = json.readValue(t, List.class);
                } catch (JacksonException e) {
                    throw CkanError.validation(name, "Invalid JSON");
                }
            } else {
                return t.isEmpty() ? List.of() : Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
            }
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object element : list) {
                if (element == null || element instanceof Map || element instanceof List) {
                    throw CkanError.validation(name, "Must be a list of strings");
                }
                strings.add(element.toString().strip());
            }
            return strings;
        }
        throw CkanError.validation(name, "Must be a list of strings");
    }

    /** A JSON object: an object, or JSON text of one. */
    public Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            return Map.of();
        }
        if (value instanceof String text) {
            try {
                value = json.readValue(text, Object.class);
            } catch (JacksonException e) {
                throw CkanError.validation(name, "Cannot parse JSON");
            }
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw CkanError.validation(name, "Not a json object");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        map.forEach((k, v) -> object.put(String.valueOf(k), v));
        return object;
    }

    /** The raw value, for parameters that are either a string or an object (datastore's q). */
    public Object raw(String name) {
        return values.get(name);
    }

    private static String kind(Object value) {
        return value instanceof List ? "list" : value == null ? "null" : value.getClass().getSimpleName().toLowerCase();
    }
}

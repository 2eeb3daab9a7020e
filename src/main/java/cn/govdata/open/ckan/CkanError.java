package cn.govdata.open.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal in CKAN's terms: the HTTP status and {@code __type} CKAN answers for it (400 Bad Request and Search
 * Query Error, 403 Authorization Error, 404 Not Found Error, 409 Validation Error and Search Error), its message,
 * and for validation errors the messages per field, as CKAN lists them beside {@code __type}.
 */
public final class CkanError extends RuntimeException {

    private final int status;
    private final String type;
    private final Map<String, List<String>> fields;

    private CkanError(int status, String type, String message, Map<String, List<String>> fields) {
        super(message);
        this.status = status;
        this.type = type;
        this.fields = fields;
    }

    public static CkanError badRequest(String message) {
        return new CkanError(400, "Bad Request", "Bad request - " + message, Map.of());
    }

    public static CkanError notFound(String message) {
        return new CkanError(404, "Not Found Error", message == null ? "Not found" : "Not found: " + message, Map.of());
    }

    public static CkanError forbidden(String message) {
        return new CkanError(403, "Authorization Error", "Access denied: " + message, Map.of());
    }

    public static CkanError validation(String field, String message) {
        return new CkanError(409, "Validation Error", field + ": " + message, Map.of(field, List.of(message)));
    }

    public static CkanError searchQuery(String message) {
        return new CkanError(400, "Search Query Error", "Search Query is invalid: " + message, Map.of());
    }

    public static CkanError search(String message) {
        return new CkanError(409, "Search Error", "Search error: " + message, Map.of());
    }

    public static CkanError internal(String incident) {
        return new CkanError(500, "Internal Server Error", "Internal Server Error (incident " + incident + ")", Map.of());
    }

    public int status() {
        return status;
    }

    /** The {@code error} member of CKAN's answer. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>(fields);
        error.put("__type", type);
        error.put("message", getMessage());
        return error;
    }
}

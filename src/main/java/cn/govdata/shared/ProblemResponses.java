package cn.govdata.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a message in the caller's language. Used
 * by the controller advice and by the security filters, which answer before any controller runs.
 */
@Component
public class ProblemResponses {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final MessageSource messages;
    private final JsonMapper json;

    public ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail problem(ProblemCode code, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(code.status());
        problem.setType(URI.create("urn:govdata:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(message("problem.title." + code.status().value(), code.status().getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage(code.messageKey(), localized(arguments, locale), code.name(), locale));
        problem.setProperty("code", code.name());
        return problem;
    }

    /** Each violation as {@code {location, code, message}} in the caller's language. */
    public List<Map<String, String>> describe(List<Violation> violations, Locale locale) {
        return violations.stream().map(v -> Map.of("location", v.location(), "code", v.code().name(), "message",
                messages.getMessage(v.code().messageKey(), localized(v.arguments().toArray(), locale), v.code().name(),
                        locale)))
                .toList();
    }

    private static Object[] localized(Object[] arguments, Locale locale) {
        Object[] result = arguments.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof LocalizedText text) {
                result[i] = text.in(locale);
            }
        }
        return result;
    }

    /** Writes a problem straight to the servlet response, for filters that run before Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, Object... arguments)
            throws java.io.IOException {
        ProblemDetail problem = problem(code, localeOf(request), arguments);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public static Locale localeOf(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DEFAULT_LOCALE;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED_LOCALES);
            if (best != null) {
                return best;
            }
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getRange().startsWith("en")) {
                    return Locale.ENGLISH;
                }
                if (range.getRange().startsWith("zh")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            // a malformed Accept-Language header is no reason to refuse the request
        }
        return DEFAULT_LOCALE;
    }

    private String message(String key, String fallback, Locale locale) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }
}

package cn.govdata.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code code} and a message in the caller's language. Used
 * by the controller advice, by the security filters, which answer before any controller runs, and by the
 * container's error answers (the {@code /error} controller and Tomcat's error report valve).
 */
@Component
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

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
        problem.setInstance(instanceOf(request));
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The problem for an error known only by its status, as the container or a filter reports it (e.g. Tomcat
     * refusing a malformed path): the code of that status, the status kept as it was.
     */
    public ProblemDetail problem(HttpServletRequest request, int status) {
        ProblemCode code = codeOf(status);
        String incident = UUID.randomUUID().toString();
        Object[] arguments = switch (code) {
            case NOT_FOUND -> new Object[] { "resource", pathOf(request) };
            case INTERNAL_ERROR -> new Object[] { incident };
            default -> new Object[0];
        };
        ProblemDetail problem = problem(code, localeOf(request), arguments);
        if (code == ProblemCode.INTERNAL_ERROR) {
            log.error("The server answered {} to {} {}, incident {}", status, request.getMethod(), pathOf(request),
                    incident);
            problem.setProperty("incident", incident);
        }
        problem.setStatus(status);
        problem.setTitle(message("problem.title." + status, problem.getTitle(), localeOf(request)));
        problem.setInstance(instanceOf(request));
        return problem;
    }

    /** The problem as the JSON an {@code application/problem+json} body carries. */
    public String json(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }

    /** The code that explains an error known only by its HTTP status. */
    static ProblemCode codeOf(int status) {
        for (ProblemCode code : List.of(ProblemCode.NOT_FOUND, ProblemCode.UNAUTHENTICATED, ProblemCode.FORBIDDEN,
                ProblemCode.METHOD_NOT_ALLOWED, ProblemCode.NOT_ACCEPTABLE, ProblemCode.PAYLOAD_TOO_LARGE,
                ProblemCode.UNSUPPORTED_MEDIA_TYPE, ProblemCode.RATE_LIMITED)) {
            if (code.status().value() == status) {
                return code;
            }
        }
        // Tomcat's 501 (a transfer coding it does not know) and 505 (an HTTP version it does not speak) refuse
        // what the client sent, like a 400
        boolean refusedRequest = status < 500 || status == HttpStatus.NOT_IMPLEMENTED.value()
                || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value();
        return refusedRequest ? ProblemCode.MALFORMED_REQUEST : ProblemCode.INTERNAL_ERROR;
    }

    /**
     * The path the problem is about: on the container's error dispatch the original request's, not
     * {@code /error}; left out when it is not a valid URI reference (a malformed percent-encoding).
     */
    public static URI instanceOf(HttpServletRequest request) {
        String path = pathOf(request);
        try {
            return path == null || path.isEmpty() ? null : URI.create(path);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String path ? path : request.getRequestURI();
    }

    public static Locale localeOf(HttpServletRequest request) {
        return localeOf(request.getHeader("Accept-Language"));
    }

    /** The language of the answer, from an {@code Accept-Language} header (or null): Chinese unless English is asked. */
    public static Locale localeOf(String header) {
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

package cn.govdata.shared.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import cn.govdata.shared.Violation;

/**
 * The one place where failures become RFC 9457 problems, also for failures raised outside controllers (the
 * {@code /error} page hands them back here). A client's error is answered with its code and logged briefly at
 * most; a 500 never echoes the exception's message: it is logged with an incident id that the caller can quote.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** The column's length in H2's and PostgreSQL's "value too long" messages: {@code VARCHAR(200)}. */
    private static final Pattern COLUMN_LENGTH = Pattern.compile("(?i)(?:VARYING|VARCHAR|CHARACTER|CHAR)\\((\\d+)\\)");

    private final ProblemResponses problems;

    ProblemAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(e.code(), locale(request), e.arguments());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", problems.describe(e.violations(), locale(request)));
        }
        return respond(request, problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(ProblemCode.VALIDATION_FAILED, locale(request));
        Map<String, String> fields = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            if (fields.putIfAbsent(error.getField(), error.getDefaultMessage()) == null) {
                violations.add(violation(error));
            }
        }
        problem.setProperty("fields", fields);
        problem.setProperty("errors", problems.describe(violations, locale(request)));
        return respond(request, problem);
    }

    /** A broken Bean Validation constraint as the platform's rule: too long, required, or an invalid value. */
    private static Violation violation(FieldError error) {
        FieldName field = FieldName.of(error.getField());
        Map<String, Object> constraint = error.contains(ConstraintViolation.class)
                ? error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAttributes()
                : Map.of();
        return switch (String.valueOf(error.getCode())) {
            case "NotNull", "NotBlank", "NotEmpty" -> Violation.of(error.getField(), ProblemCode.FIELD_REQUIRED, field);
            case "Size" -> error.getRejectedValue() instanceof CharSequence
                    ? Violation.of(error.getField(), ProblemCode.FIELD_TOO_LONG, field,
                            constraint.getOrDefault("max", "?"))
                    : Violation.of(error.getField(), ProblemCode.INVALID_VALUE, field,
                            constraint.getOrDefault("min", 0) + "–" + constraint.getOrDefault("max", "?"));
            default -> Violation.of(error.getField(), ProblemCode.INVALID_VALUE, field,
                    String.valueOf(error.getDefaultMessage()));
        };
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.VALIDATION_FAILED, locale(request)));
    }

    /**
     * A parameter or path variable of the wrong form (a number that is not a canonical whole number, an unknown
     * constant): {@code INVALID_VALUE} naming it, so that the caller knows which one to correct.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatched(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        log.debug("Parameter of the wrong form {} {}", request.getMethod(), request.getRequestURI(), e);
        String value = String.valueOf(e.getValue());
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        Class<?> type = e.getRequiredType();
        boolean number = type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class);
        return domain(new DomainException(ProblemCode.INVALID_VALUE, e.getName(),
                shown + (number ? " (a whole number in ASCII digits)" : "")), request);
    }

    @ExceptionHandler({ HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            ServletRequestBindingException.class,
            MissingServletRequestPartException.class, RequestRejectedException.class })
    ResponseEntity<ProblemDetail> malformed(Exception e, HttpServletRequest request) {
        log.debug("Malformed request {} {}", request.getMethod(), request.getRequestURI(), e);
        if (e.getCause() instanceof InvalidNullException nullElement) {
            return nullValue(nullElement, request);
        }
        return respond(request, problems.problem(ProblemCode.MALFORMED_REQUEST, locale(request)));
    }

    /** A {@code null} where a value must be, such as an element of a JSON array: named by its path. */
    private ResponseEntity<ProblemDetail> nullValue(InvalidNullException e, HttpServletRequest request) {
        String path = pathOf(e);
        Violation violation = Violation.of(path, ProblemCode.INVALID_VALUE, FieldName.of(path), "null");
        ProblemDetail problem = problems.problem(violation.code(), locale(request), violation.arguments().toArray());
        problem.setProperty("errors", problems.describe(List.of(violation), locale(request)));
        return respond(request, problem);
    }

    /** The JSON path where reading failed, as the platform names fields: {@code dataItems[2].name}. */
    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A query string or form body that Tomcat cannot decode (e.g. {@code %zz}), or one with too many parameters. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e, HttpServletRequest request) {
        log.debug("Undecodable parameters on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(request, problems.problem(e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? ProblemCode.PAYLOAD_TOO_LARGE : ProblemCode.MALFORMED_REQUEST, locale(request)));
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    ResponseEntity<ProblemDetail> denied(Exception e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.FORBIDDEN, locale(request)));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.NOT_FOUND, locale(request), "resource", request.getRequestURI()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(Exception e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.METHOD_NOT_ALLOWED, locale(request)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(Exception e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, locale(request)));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(Exception e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.NOT_ACCEPTABLE, locale(request)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.PAYLOAD_TOO_LARGE, locale(request)));
    }

    /** A multipart body that cannot be parsed: no boundary, truncated, a broken part header. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e, HttpServletRequest request) {
        log.debug("Malformed multipart request {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        return respond(request, problems.problem(ProblemCode.MALFORMED_REQUEST, locale(request)));
    }

    /** Another change holds the lock too long (e.g. a dataset's first load on H2): nothing was done, retry. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(Exception e, HttpServletRequest request) {
        log.info("Lock not acquired on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ProblemDetail problem = problems.problem(ProblemCode.RESOURCE_BUSY, locale(request));
        problem.setInstance(ProblemResponses.instanceOf(request));
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The database refused a value (SQLState class 22, "data exception"; 22001: longer than its column): a safety
     * net behind the requests' own limits. The transaction is rolled back, so nothing of the request is kept.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataAccessException e, HttpServletRequest request) {
        SQLException refusal = sqlException(e);
        if (refusal == null || refusal.getSQLState() == null || !refusal.getSQLState().startsWith("22")) {
            return unexpected(e, request);
        }
        log.info("The database refused a value on {} {}: SQLState {}", request.getMethod(), request.getRequestURI(),
                refusal.getSQLState());
        if ("22001".equals(refusal.getSQLState())) {
            Matcher length = COLUMN_LENGTH.matcher(String.valueOf(refusal.getMessage()));
            return respond(request, problems.problem(ProblemCode.FIELD_TOO_LONG, locale(request),
                    FieldName.of("someText"), length.find() ? length.group(1) : "?"));
        }
        return respond(request, problems.problem(ProblemCode.INVALID_VALUE, locale(request), FieldName.of("someValue"),
                new DefaultMessageSourceResolvable(new String[] { "database.value-refused" }, null,
                        "SQLState " + refusal.getSQLState())));
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (clientWentAway(e)) {
            // closed the connection or timed out mid-answer: nothing can reach it, and nothing failed here
            log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            // any other client error Spring MVC declares (a ResponseStatusException, a missing path part...)
            log.debug("Client error {} on {} {}", error.getStatusCode(), request.getMethod(), request.getRequestURI(),
                    e);
            return respond(request, problems.problem(request, error.getStatusCode().value()));
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problems.problem(ProblemCode.INTERNAL_ERROR, locale(request), incident);
        problem.setProperty("incident", incident);
        return respond(request, problem);
    }

    /** Whether writing the answer failed because the client is no longer there to read it. */
    private static boolean clientWentAway(Exception e) {
        if (!(e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException
                || e instanceof org.springframework.http.converter.HttpMessageNotWritableException)) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static Locale locale(HttpServletRequest request) {
        return ProblemResponses.localeOf(request);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpServletRequest request, ProblemDetail problem) {
        problem.setInstance(ProblemResponses.instanceOf(request));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

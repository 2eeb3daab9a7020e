package cn.govdata.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place where failures become RFC 9457 problems. A 500 never echoes the exception's message: it is
 * logged with an incident id that the caller can quote.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

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
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        problem.setProperty("fields", fields);
        return respond(request, problem);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.VALIDATION_FAILED, locale(request)));
    }

    @ExceptionHandler({ HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class })
    ResponseEntity<ProblemDetail> malformed(Exception e, HttpServletRequest request) {
        log.debug("Malformed request {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, problems.problem(ProblemCode.MALFORMED_REQUEST, locale(request)));
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

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
        return respond(request, problems.problem(ProblemCode.PAYLOAD_TOO_LARGE, locale(request)));
    }

    /** Another change holds the lock too long (e.g. a dataset's first load on H2): nothing was done, retry. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(Exception e, HttpServletRequest request) {
        log.info("Lock not acquired on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ProblemDetail problem = problems.problem(ProblemCode.RESOURCE_BUSY, locale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problems.problem(ProblemCode.INTERNAL_ERROR, locale(request), incident);
        problem.setProperty("incident", incident);
        return respond(request, problem);
    }

    private static Locale locale(HttpServletRequest request) {
        return ProblemResponses.localeOf(request);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpServletRequest request, ProblemDetail problem) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.valueOf(problem.getStatus()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

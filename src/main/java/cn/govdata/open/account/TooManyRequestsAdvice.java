package cn.govdata.open.account;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.govdata.shared.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;

/** Renders {@link TooManyRequests} as the RFC 9457 problem every refusal is, with the {@code Retry-After} it needs. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyRequestsAdvice {

    private final ProblemResponses problems;

    TooManyRequestsAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(e.code(), ProblemResponses.localeOf(request), e.arguments());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(e.code().status()).header(HttpHeaders.RETRY_AFTER,
                Long.toString(e.retryAfterSeconds())).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

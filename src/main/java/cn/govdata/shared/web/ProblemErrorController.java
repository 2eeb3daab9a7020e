package cn.govdata.shared.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import cn.govdata.shared.ProblemResponses;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's default error JSON: an error that a
 * filter or the container raised is answered as a problem too. A failure is handed back to
 * {@link ProblemAdvice}, so that it is explained exactly as if a controller had raised it; an error known only
 * by its status (e.g. a filter's {@code sendError(400)}) gets that status's code. Asked for directly,
 * {@code /error} is a path like any unknown one: 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) throws Exception {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Exception exception) {
            throw exception;
        }
        if (failure != null) {
            throw new ServletException(failure);
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem = problems.problem(request,
                status instanceof Integer code && code >= 400 ? code : HttpStatus.NOT_FOUND.value());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

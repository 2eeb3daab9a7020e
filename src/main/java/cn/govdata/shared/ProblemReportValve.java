package cn.govdata.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat's error report, written as a problem instead of its HTML page. Tomcat answers some requests before
 * the application sees them — a path with a malformed percent-encoding ({@code %zz}, an unpaired surrogate),
 * an encoded slash or NUL, a malformed header — and an error the application left without a body ends here
 * too; every such answer is an {@code application/problem+json} problem with its status's code. (A request
 * line that is not HTTP at all, e.g. with a raw control character, is answered by the connector before any
 * valve runs: a bare 400 without a body, and the connection closed.)
 */
class ProblemReportValve extends ErrorReportValve {

    private final ObjectProvider<ProblemResponses> problems;

    ProblemReportValve(ObjectProvider<ProblemResponses> problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // as Tomcat's own report: only an unreported error whose answer has no body yet, while the client listens
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String body = problems.getObject().json(problems.getObject().problem(request, response.getStatus()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrResponseUsed) {
            // nothing more can be said to this client
        }
    }

    /**
     * Installs the valve as the host's error report valve: the host then adds no HTML one of its own (it looks
     * for a valve of the configured class when it starts).
     */
    @Component
    static class Installation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        private final ObjectProvider<ProblemResponses> problems;

        Installation(ObjectProvider<ProblemResponses> problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(this::install);
        }

        private void install(Context context) {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(problems));
            }
        }
    }
}

package cn.govdata.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
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

import cn.govdata.shared.ProblemResponses;

/**
 * Tomcat's error report, written as a problem instead of its HTML page. Tomcat answers some requests before
 * the application sees them — a path with a malformed percent-encoding ({@code %zz}, an unpaired surrogate), an
 * encoded slash or NUL, a malformed header, a request line too long or with characters HTTP does not allow —
 * and an error the application left without a body ends here too: every such answer is an
 * {@code application/problem+json} problem with its status's code. It sits on the engine, so that it also
 * answers requests that never reached a host (a request line Tomcat could not parse); the host's own HTML
 * report is turned off.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ObjectProvider<ProblemResponses> problems;

    ProblemReportValve(ObjectProvider<ProblemResponses> problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // unlike Tomcat's own report, also an error status that was set without sendError (Tomcat's answer to a
        // request line it could not parse): any error answer without a body yet, while the client listens
        if (response.getStatus() < 400 || response.getContentWritten() > 0) {
            return;
        }
        response.setErrorReported();
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
     * Puts the valve on the engine and takes every HTML report off the host: Tomcat's own (an empty class name
     * means none) and the one Spring Boot adds, whatever the order in which customizers run.
     */
    @Component
    static class Installation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        private final ObjectProvider<ProblemResponses> problems;

        Installation(ObjectProvider<ProblemResponses> problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addEngineValves(new ProblemReportValve(problems));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass("");
                    host.addLifecycleListener(event -> {
                        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                            removeHtmlReports(host.getPipeline());
                        }
                    });
                }
            });
        }

        private static void removeHtmlReports(Pipeline pipeline) {
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
        }
    }
}

package cn.govdata.share.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.govdata.audit.CallerAddress;
import cn.govdata.security.BearerAuthentication;
import cn.govdata.security.BearerAuthentication.Authenticated;
import cn.govdata.security.BearerAuthentication.Refused;
import cn.govdata.security.ExportWatermarks;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ListParameter;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import cn.govdata.shared.WholeNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data access interfaces on a port of their own (issue #16): verification, query and exchange exactly as
 * {@link SharedDataController} serves them — the same {@link SharedData}, so the same grants, row filters, masking,
 * objections, rate limits, quotas, usage records and audit entries — without the servlet stack in front. A system
 * calling all day pays here for its bearer token (resolved from memory, by the same {@link BearerAuthentication} as
 * the servlet filter), the JSON, the lookup and its audit entry, and not for the ~170 handler mappings, the security
 * filter chain and the observation that the console's requests need. Measured in {@code bench/share-access.sh}.
 *
 * <p>Served by Jetty's core server (no servlets) on virtual threads; on only when
 * {@code govdata.share.data-plane.port} is set ({@code 0}: a free port, for tests). Plain HTTP: put TLS in front of it
 * as of the main port (docs/share.md). Every refusal, Jetty's own included (a malformed request line, too large a
 * header), is an RFC 9457 problem in the caller's language, as on the main port.
 */
@Component
@ConditionalOnProperty("govdata.share.data-plane.port")
class SharedDataPlane implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedDataPlane.class);

    private static final Pattern PATH = Pattern.compile("/api/v1/share/data/([^/]+)/(verification|query|exchange)");
    /** For a load balancer's check of this port: up while it serves, nothing read or counted. */
    static final String HEALTH = "/health";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    /** A verification or query body is a key, claims or filters: far below this. */
    static final int MAX_BODY = 256 * 1024;

    private final SharedData data;
    private final BearerAuthentication bearer;
    private final ProblemResponses problems;
    private final JsonMapper json;
    private final ExportWatermarks watermarks;
    private final String address;
    private final int configuredPort;
    private volatile Server server;
    private ServerConnector connector;

    SharedDataPlane(SharedData data, BearerAuthentication bearer, ProblemResponses problems, JsonMapper json,
            ExportWatermarks watermarks,
            @Value("${govdata.share.data-plane.address:${server.address:0.0.0.0}}") String address,
            @Value("${govdata.share.data-plane.port}") int port) {
        this.data = data;
        this.bearer = bearer;
        this.problems = problems;
        this.json = json;
        this.watermarks = watermarks;
        this.address = address;
        this.configuredPort = port;
    }

    /** The port it listens on (the one chosen when configured as 0). */
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void start() {
        VirtualThreadPool threads = new VirtualThreadPool();
        threads.setName("data-plane");
        Server started = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(started, new HttpConnectionFactory(http));
        connector.setHost(address);
        connector.setPort(configuredPort);
        started.addConnector(connector);
        started.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        started.setErrorHandler(new Problems());
        started.setStopTimeout(2_000); // lets the requests under way finish, at most two seconds
        try {
            started.start();
        } catch (Exception e) {
            throw new IllegalStateException("The data plane cannot listen on " + address + ":" + configuredPort, e);
        }
        server = started;
        log.info("Data access interfaces also served on {}:{}", address, port());
    }

    @Override
    public void stop() {
        Server running = server;
        server = null;
        if (running != null) {
            try {
                running.stop();
            } catch (Exception e) {
                log.warn("The data plane did not stop cleanly", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    // --- one request ---------------------------------------------------------------------------------------------

    private void serve(Request request, Response response, Callback callback) {
        Locale locale = ProblemResponses.localeOf(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        try (var caller = CallerAddress.bind(Request.getRemoteAddr(request),
                request.getHeaders().get("X-Forwarded-For"))) {
            try {
                route(request, response);
                callback.succeeded();
                return;
            } catch (DomainException e) {
                ProblemDetail problem = problems.problem(e.code(), locale, e.arguments());
                if (!e.violations().isEmpty()) {
                    problem.setProperty("errors", problems.describe(e.violations(), locale));
                }
                answer(request, response, callback, problem, null);
            } catch (JacksonException | ListParameter.Refused e) {
                answer(request, response, callback, problems.problem(ProblemCode.MALFORMED_REQUEST, locale), null);
            } catch (PessimisticLockingFailureException e) {
                answer(request, response, callback, problems.problem(ProblemCode.RESOURCE_BUSY, locale), "5");
            } catch (IOException e) {
                log.debug("Client gone during {} {}: {}", request.getMethod(), path(request), e.toString());
                callback.failed(e);
            } catch (RuntimeException e) {
                String incident = UUID.randomUUID().toString();
                log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(), path(request), e);
                ProblemDetail problem = problems.problem(ProblemCode.INTERNAL_ERROR, locale, incident);
                problem.setProperty("incident", incident);
                answer(request, response, callback, problem, null);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void route(Request request, Response response) throws IOException {
        String path = path(request);
        if (path.equals(HEALTH)) {
            if (!request.getMethod().equals("GET")) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET");
                throw new DomainException(ProblemCode.METHOD_NOT_ALLOWED);
            }
            send(response, 200, "application/json", UP);
            return;
        }
        Matcher matched = PATH.matcher(path);
        if (!matched.matches()) {
            throw new DomainException(ProblemCode.NOT_FOUND, "resource", path);
        }
        String operation = matched.group(2);
        String method = operation.equals("exchange") ? "GET" : "POST";
        if (!request.getMethod().equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, method);
            throw new DomainException(ProblemCode.METHOD_NOT_ALLOWED);
        }
        if (!WholeNumber.isCanonical(matched.group(1)) || matched.group(1).length() > 18) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("entryId"), matched.group(1));
        }
        long entryId = Long.parseLong(matched.group(1));
        Actor actor = authenticate(request, response, path);
        String relayedFor = request.getHeaders().get(SharedData.RELAYED_FOR);
        switch (operation) {
            case "verification" -> {
                var asked = json.readValue(body(request), SharedData.VerificationRequest.class);
                respond(response, data.verify(actor, entryId, asked, SharedData.medium(actor, relayedFor)));
            }
            case "query" -> {
                byte[] body = body(request);
                var asked = body.length == 0 ? null : json.readValue(body, SharedData.QueryRequest.class);
                respond(response, data.query(actor, entryId, asked, SharedData.medium(actor, relayedFor)));
            }
            default -> exchange(request, response, actor, entryId);
        }
    }

    /** The path as sent, still percent-encoded: an encoded id is refused as not canonical. */
    private static String path(Request request) {
        return request.getHttpURI().getPath();
    }

    private Actor authenticate(Request request, Response response, String path) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            throw new DomainException(ProblemCode.UNAUTHENTICATED);
        }
        return switch (bearer.authenticate(header, path)) {
            case Refused refused -> {
                if (refused.badToken()) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                }
                throw new DomainException(refused.code());
            }
            case Authenticated caller -> {
                // the audit log and every rule behind SharedData find the caller where the servlet filter puts it
                SecurityContextHolder.getContext().setAuthentication(caller.authentication());
                yield caller.actor();
            }
        };
    }

    /** The JSON body, at most {@link #MAX_BODY} bytes; it must say it is JSON. */
    private static byte[] body(Request request) throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new DomainException(ProblemCode.PAYLOAD_TOO_LARGE);
            }
            if (body.length > 0 && (type == null || !isJson(type))) {
                throw new DomainException(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
            }
            return body;
        }
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    private void exchange(Request request, Response response, Actor actor, long entryId) throws IOException {
        Map<String, String> parameters = parameters(request.getHttpURI().getQuery());
        String since = parameters.getOrDefault("since", "0");
        if (!WholeNumber.isCanonical(since) || since.length() > 18) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("since"), since);
        }
        OutputStream[] body = new OutputStream[1];
        ExchangeStream stream = ExchangeStream.to(new ExchangeStream.Target() {
            @Override
            public void setHeader(String name, String value) {
                response.getHeaders().put(name, value);
            }

            @Override
            public OutputStream body() {
                response.setStatus(200);
                securityHeaders(response.getHeaders());
                body[0] = Response.asBufferedOutputStream(request, response); // whole buffers, not each row
                return body[0];
            }
        }, parameters.getOrDefault("format", "CSV"), json, watermarks);
        data.exchange(actor, entryId, Long.parseLong(since), ListParameter.values(parameters.get("items")),
                SharedData.medium(actor, null), stream);
        stream.finish();
        if (body[0] != null) {
            body[0].close(); // the last chunk: the answer is whole
        } else {
            send(response, 200, "text/plain", new byte[0]);
        }
    }

    /** The query parameters, decoded; a malformed percent-encoding is a malformed request. */
    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        try {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.merge(name, value, (first, next) -> first + "," + next);
            }
        } catch (IllegalArgumentException badEncoding) {
            throw new DomainException(ProblemCode.MALFORMED_REQUEST);
        }
        return parameters;
    }

    // --- answers -------------------------------------------------------------------------------------------------

    private void respond(Response response, Object answer) throws IOException {
        send(response, 200, "application/json", json.writeValueAsBytes(answer));
    }

    /**
     * A problem, unless the answer has begun (an exchange that failed midway): then the response is aborted, which
     * cuts the connection, so that the client sees a broken transfer, never a short file that looks whole.
     */
    private void answer(Request request, Response response, Callback callback, ProblemDetail problem,
            String retryAfter) {
        if (response.isCommitted()) {
            log.warn("An exchange to {} failed after its answer began; its connection is cut: {}",
                    Request.getRemoteAddr(request), problem.getDetail());
            callback.failed(new IOException("the exchange failed midway: " + problem.getDetail()));
            return;
        }
        problem.setInstance(instance(request));
        if (retryAfter != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
        }
        byte[] body = problems.json(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        securityHeaders(headers);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static URI instance(Request request) {
        try {
            return URI.create(path(request));
        } catch (IllegalArgumentException notAReference) {
            return null;
        }
    }

    private static void send(Response response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, type);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        securityHeaders(headers);
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }

    private static void securityHeaders(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    /**
     * Jetty's own refusals (a request line or header it cannot parse, too large a header) as the problems every
     * other refusal is, instead of its HTML error page.
     */
    private final class Problems extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object status = request.getAttribute(ERROR_STATUS);
            int code = status instanceof Integer given ? given : response.getStatus();
            Locale locale = ProblemResponses.localeOf(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
            ProblemDetail problem = problem(code, locale);
            problem.setInstance(instance(request));
            response.setStatus(problem.getStatus());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            securityHeaders(response.getHeaders());
            response.write(true, ByteBuffer.wrap(problems.json(problem).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            return ByteBuffer.wrap(problems.json(problem(status, ProblemResponses.DEFAULT_LOCALE))
                    .getBytes(StandardCharsets.UTF_8));
        }

        private ProblemDetail problem(int status, Locale locale) {
            ProblemCode code = switch (status) {
                case 404 -> ProblemCode.NOT_FOUND;
                case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
                case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
                case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
                default -> status >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.MALFORMED_REQUEST;
            };
            ProblemDetail problem = code == ProblemCode.NOT_FOUND ? problems.problem(code, locale, "resource", "")
                    : code == ProblemCode.INTERNAL_ERROR ? problems.problem(code, locale, UUID.randomUUID().toString())
                    : problems.problem(code, locale);
            problem.setStatus(status);
            return problem;
        }
    }
}

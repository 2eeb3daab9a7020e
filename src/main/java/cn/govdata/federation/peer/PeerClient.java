package cn.govdata.federation.peer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a peer platform's API as the connected system created there for this platform: signs in at the peer's
 * OAuth2 token endpoint ({@code /oauth2/token}, client credentials) and keeps the token until shortly before it
 * expires; a token the peer no longer accepts is fetched anew once. A peer that does not answer, answers with a
 * server error or refuses the credentials is reported as {@link ProblemCode#PEER_UNAVAILABLE}.
 */
@Component
public class PeerClient {

    /** A peer as this client needs it: where it is and how to sign in there. */
    public record Target(long peerId, String name, String baseUrl, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Target[" + peerId + ", " + baseUrl + ", " + clientId + "]"; // never the secret
        }
    }

    /** What the peer answered (below 500, and not a refused token). */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private record Token(String value, Instant renewAfter) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();

    PeerClient(JsonMapper json, @Value("${govdata.federation.connect-timeout:PT3S}") Duration connectTimeout,
            @Value("${govdata.federation.request-timeout:PT10S}") Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in at the peer anew: the check made when a peer is registered. */
    public void signIn(Target target) {
        tokens.remove(target.peerId());
        token(target);
    }

    /** Sends a JSON body (or none) to a path of the peer's API. */
    public Answer send(Target target, String method, String path, Object body) {
        return send(target, method, path, body, Map.of());
    }

    /** Sends a JSON body (or none) with headers of its own (e.g. whom a relayed call is for). */
    public Answer send(Target target, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        return authorised(target, method, path, publisher, all);
    }

    /** Sends one file as the multipart field {@code field}, as a browser's upload would. */
    public Answer sendFile(Target target, String path, String field, String fileName, String contentType,
            byte[] content) {
        String boundary = "govdata-" + java.util.UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName.replace("\"", "%22").replaceAll("[\r\n]", "_") + "\"\r\nContent-Type: " + contentType
                + "\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, whole, 0, start.length);
        System.arraycopy(content, 0, whole, start.length, content.length);
        System.arraycopy(end, 0, whole, start.length + content.length, end.length);
        return authorised(target, "POST", path, HttpRequest.BodyPublishers.ofByteArray(whole),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    private Answer authorised(Target target, String method, String path, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        Answer answer = sendOnce(target, method, path, body, headers, token(target));
        if (answer.status() == 401) {
            tokens.remove(target.peerId());
            answer = sendOnce(target, method, path, body, headers, token(target));
            if (answer.status() == 401) {
                throw unavailable(target, "the peer refused this platform's token");
            }
        }
        if (answer.status() >= 500) {
            throw unavailable(target, "HTTP " + answer.status());
        }
        return answer;
    }

    /** Forgets the peer's token (the peer was changed or deleted). */
    public void forget(long peerId) {
        tokens.remove(peerId);
    }

    private Answer sendOnce(Target target, String method, String path, HttpRequest.BodyPublisher body,
            Map<String, String> headers, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, body);
        headers.forEach(request::header);
        return exchange(target, request.build());
    }

    private String token(Target target) {
        Token cached = tokens.get(target.peerId());
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((form(target.clientId()) + ":" + form(target.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/oauth2/token")).timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        Answer answer = exchange(target, request);
        if (answer.status() != 200) {
            throw unavailable(target, answer.status() == 401 || answer.status() == 400
                    ? "the peer refused the client credentials" : "token endpoint answered HTTP " + answer.status());
        }
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (RuntimeException e) {
            throw unavailable(target, "the token endpoint's answer is not JSON");
        }
        String value = body.path("access_token").asString(null);
        if (value == null || value.isBlank()) {
            throw unavailable(target, "the token endpoint answered no access token");
        }
        long seconds = body.path("expires_in").asLong(300);
        Token token = new Token(value, Instant.now().plusSeconds(Math.max(0, seconds - 30)));
        tokens.put(target.peerId(), token);
        return token.value();
    }

    private Answer exchange(Target target, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw unavailable(target, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(target, "interrupted");
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static DomainException unavailable(Target target, String reason) {
        return new DomainException(ProblemCode.PEER_UNAVAILABLE, target.name(), reason);
    }
}

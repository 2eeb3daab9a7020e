package cn.govdata.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests from a chosen loopback address (127.0.0.x; Linux answers on all of 127/8), as another client's would
 * come: the per-address limit counts each address apart, so a test that fails many logins keeps its failures to
 * itself. Answers keep the headers a test needs (Retry-After).
 */
final class FromAddress {

    record Answer(int status, String contentType, String retryAfter, String body, JsonNode json) {

        String code() {
            return json == null || json.get("code") == null ? null : json.get("code").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final String base;

    FromAddress(String localAddress, int port) {
        try {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .localAddress(InetAddress.getByName(localAddress)).build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        this.base = "http://127.0.0.1:" + port;
    }

    Answer login(String username, String password, String... headers) {
        String body = JSON.writeValueAsString(java.util.Map.of("username", username, "password", password));
        return send(request("/api/v1/auth/login", headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer token(String clientId, String clientSecret, String... headers) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send(request("/oauth2/token", headers).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body())
                    : null;
            return new Answer(response.statusCode(), contentType, response.headers().firstValue("Retry-After").orElse(null),
                    response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

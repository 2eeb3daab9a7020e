package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.govdata.open.PublicFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Public account holders for the browser tests: a citizen registered with the code read from the log, logged in. */
final class PublicHolders {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublicHolders() {
    }

    /** A citizen's login (the mobile number) and their session on the public API (a token of the public kind). */
    record Citizen(String login, Api api) {
    }

    /** A citizen registered and logged in. */
    static Citizen citizen(Api anonymous, int port, String name) {
        String mobile = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
        int before = PublicFixtures.messagesSoFar();
        // from an address of its own: other tests' failures from 127.0.0.1 may have made that one answer a challenge
        JsonNode sent = fromOwnAddress(port, "/api/v1/public/codes", Map.of("channel", "SMS", "address", mobile), 202);
        fromOwnAddress(port, "/api/v1/public/accounts", Map.of("codeId", sent.get("codeId").asString(), "code",
                PublicFixtures.codeSentSince(before), "kind", "CITIZEN", "name", name, "password",
                PublicFixtures.PASSWORD), 201);
        JsonNode login = fromOwnAddress(port, "/api/v1/public/auth/login", Map.of("login", mobile, "password",
                PublicFixtures.PASSWORD), 200);
        return new Citizen(mobile, anonymous.withToken(login.get("token").asString()));
    }

    private static JsonNode fromOwnAddress(int port, String path, Map<String, Object> body, int expected) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName("127.3.0." + (1 + ADDRESSES.getAndIncrement() % 250))).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
            return JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

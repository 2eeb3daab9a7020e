package cn.govdata.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public accounts for tests (besides the open-data fixtures): requests from a chosen loopback address (each test its own, so that the per-address
 * limits count each test apart), the verification codes read from what the test profile's log sender wrote
 * ({@link SentMessages}), and registered, logged-in account holders.
 */
public abstract class PublicFixtures extends OpenFixtures {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final AtomicInteger CONTACTS = new AtomicInteger((int) (System.nanoTime() % 10_000_000));
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "Open-Data-2026!";

    /** A public account holder, logged in. */
    protected record Holder(long id, String login, String password, Api api) {
    }

    /** An answer with the headers the limits set. */
    protected record Answer(int status, String retryAfter, String body, JsonNode json) {

        public String code() {
            return json == null || json.get("code") == null ? null : json.get("code").asString();
        }

        public String text(String field) {
            return json.get(field) == null || json.get(field).isNull() ? null : json.get(field).asString();
        }
    }

    /** A client whose requests come from one loopback address, as one more member of the public's would. */
    protected final class From {

        private final HttpClient client;
        public final String address;

        From(String address) {
            this.address = address;
            try {
                this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .localAddress(InetAddress.getByName(address)).build();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }

        public Answer post(String path, Object body, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept-Language", "zh-CN").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.setHeader(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String type = response.headers().firstValue("Content-Type").orElse("");
                return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                        response.body(), type.contains("json") && !response.body().isEmpty()
                                ? JSON.readTree(response.body()) : null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Answer sendCode(String channel, String contact) {
            return post("/api/v1/public/codes", Map.of("channel", channel, "address", contact));
        }

        public Answer login(String login, String password) {
            return post("/api/v1/public/auth/login", Map.of("login", login, "password", password));
        }
    }

    /** A client from a loopback address no other test uses. */
    /** The police offices opened on application (three records, their personal values kept in {@code personal}). */
    protected Opened openedOnApplication(java.util.List<String> personal) {
        Map<String, Object> content = policeOffices();
        content.put("openType", "CONDITIONAL_OPEN");
        content.put("openCondition", "仅向承担警务研究课题的单位提供");
        return open(publishedWithRecords(content, officesCsv(3, personal)), officeRules(), personal);
    }

    protected From fromNewAddress() {
        int n = ADDRESSES.incrementAndGet();
        return new From("127.1." + (n / 250) + "." + (1 + n % 250));
    }

    protected static String newMobile() {
        return "139" + String.format("%08d", CONTACTS.incrementAndGet() % 100_000_000);
    }

    protected static String newEmail() {
        return "p" + unique() + "@example.com";
    }

    /** The code in the last message the log sender wrote since {@code before} messages. */
    public static String codeSentSince(int before) {
        assertThat(SentMessages.count()).as("a message was written").isGreaterThan(before);
        String message = SentMessages.get(SentMessages.count() - 1);
        Matcher code = CODE.matcher(message.substring(message.indexOf(':') + 1));
        assertThat(code.find()).as(message).isTrue();
        return code.group(1);
    }

    public static int messagesSoFar() {
        return SentMessages.count();
    }

    /** Sends a code, reads it, registers; the answer of the registration. */
    protected Answer register(From from, String kind, String name, String creditCode, String channel, String contact,
            String password, boolean notifyByMessage) {
        int before = messagesSoFar();
        Answer sent = from.sendCode(channel, contact);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("codeId", sent.text("codeId"));
        body.put("code", codeSentSince(before));
        body.put("kind", kind);
        body.put("name", name);
        if (creditCode != null) {
            body.put("creditCode", creditCode);
        }
        body.put("password", password);
        body.put("notifyByMessage", notifyByMessage);
        return from.post("/api/v1/public/accounts", body);
    }

    /** A citizen registered with a new mobile number and logged in. */
    protected Holder newCitizen(String name) {
        From from = fromNewAddress();
        String mobile = newMobile();
        Answer registered = register(from, "CITIZEN", name, null, "SMS", mobile, PASSWORD, false);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Answer login = from.login(mobile, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Holder(registered.json().get("id").asLong(), mobile, PASSWORD, anonymous.withToken(login.text("token")));
    }
}

package cn.govdata.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices by text message through an SMS gateway's webhook, here a local HTTP server the test starts: only to a user
 * who switched SMS on, once per notice, retried when the gateway fails; the preference keeps what a request leaves
 * out, touches no one else's, and refuses a number that is not a mainland mobile number.
 */
class NoticeSmsApiTest extends ApiIntegrationTest {

    /** What the gateway was sent: the JSON body and the token it came with. */
    private record Message(JsonNode body, String authorization) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer GATEWAY = gateway();
    /** Calls per number; the gateway refuses the first call for each number, accepts the next. */
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final List<Message> ACCEPTED = new CopyOnWriteArrayList<>();

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-notice-sms-"
            + java.util.UUID.randomUUID();

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                JsonNode body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String to = body.get("to").asString();
                boolean first = CALLS.computeIfAbsent(to, number -> new AtomicInteger()).incrementAndGet() == 1;
                if (!first) {
                    ACCEPTED.add(new Message(body, exchange.getRequestHeaders().getFirst("Authorization")));
                }
                exchange.sendResponseHeaders(first ? 503 : 200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void smsGateway(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
        registry.add("govdata.notice.sms-webhook-url",
                () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
        registry.add("govdata.notice.sms-webhook-token", () -> "gateway-token");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    private static String newMobile() {
        return "1" + ThreadLocalRandom.current().nextInt(3, 10)
                + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private static List<Message> acceptedFor(String mobile) {
        return ACCEPTED.stream().filter(m -> m.body().get("to").asString().equals(mobile)).toList();
    }

    private static int callsFor(String mobile) {
        AtomicInteger calls = CALLS.get(mobile);
        return calls == null ? 0 : calls.get();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 10 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    @Test
    void aUserWithSmsOnGetsOneMessagePerNoticeAfterTheGatewayFailedOnce() throws Exception {
        Api admin = admin();
        Dept department = newDepartment(admin, "短信通知局");
        LoggedIn wantsSms = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn noSms = newUser(admin, department.id(), Role.DATA_PROVIDER);
        String on = newMobile();
        String off = newMobile();
        Api.Response chosen = wantsSms.api().put("/api/v1/notifications/preference",
                Map.of("mobile", on, "smsEnabled", true));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.text("mobile")).isEqualTo(on);
        assertThat(chosen.json().get("smsEnabled").asBoolean()).isTrue();
        assertThat(chosen.json().get("smsAvailable").asBoolean()).isTrue();
        Api.Response declined = noSms.api().put("/api/v1/notifications/preference",
                Map.of("mobile", off, "smsEnabled", false));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);

        // each is appointed in turn, the one without SMS first: both get the notice in their inbox
        for (LoggedIn officer : new LoggedIn[] { noSms, wantsSms }) {
            Api.Response appointed = admin.post("/api/v1/org/chief-data-officers", Map.of("departmentId",
                    department.id(), "userId", officer.id(), "appointedOn", LocalDate.now().toString()));
            assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        }
        eventually(() -> !acceptedFor(on).isEmpty());
        eventually(() -> noSms.api().get("/api/v1/notifications/unread-count").json().get("unread").asLong() == 1);
        // a few more sweeps: nothing is sent again, nothing to the number with SMS off
        Thread.sleep(1_500);
        assertThat(acceptedFor(on)).hasSize(1);
        assertThat(callsFor(on)).as("refused once, then retried").isEqualTo(2);
        assertThat(callsFor(off)).isZero();
        Message message = acceptedFor(on).getFirst();
        String text = message.body().get("text").asString();
        assertThat(text).isEqualTo("【政务数据平台】您已被任命为" + department.name() + "首席数据官");
        assertThat(text.length()).isLessThanOrEqualTo(70);
        assertThat(message.body().properties()).hasSize(2);
        assertThat(message.authorization()).isEqualTo("Bearer gateway-token");
        assertThat(wantsSms.api().get("/api/v1/notifications/unread-count").json().get("unread").asLong())
                .isEqualTo(1);
    }

    @Test
    void aChangeKeepsWhatItLeavesOutAndTouchesNoOneElse() {
        Api admin = admin();
        Dept department = newDepartment(admin, "短信偏好局");
        Api clerk = newUser(admin, department.id(), Role.DATA_USER).api();
        Api colleague = newUser(admin, department.id(), Role.DATA_USER).api();
        String mine = newMobile();
        String theirs = newMobile();
        assertThat(colleague.put("/api/v1/notifications/preference", Map.of("mobile", theirs, "smsEnabled", true))
                .status()).isEqualTo(200);
        Api.Response both = clerk.put("/api/v1/notifications/preference", Map.of("email", "clerk@example.org",
                "emailEnabled", true, "mobile", mine, "smsEnabled", true));
        assertThat(both.status()).as(both.body()).isEqualTo(200);

        // a request of before SMS (e-mail only) keeps the number and the switch
        Api.Response emailOnly = clerk.put("/api/v1/notifications/preference",
                Map.of("email", "clerk2@example.org", "emailEnabled", false));
        assertThat(emailOnly.status()).as(emailOnly.body()).isEqualTo(200);
        JsonNode kept = clerk.get("/api/v1/notifications/preference").json();
        assertThat(kept.get("email").asString()).isEqualTo("clerk2@example.org");
        assertThat(kept.get("emailEnabled").asBoolean()).isFalse();
        assertThat(kept.get("mobile").asString()).isEqualTo(mine);
        assertThat(kept.get("smsEnabled").asBoolean()).isTrue();

        // SMS only keeps the e-mail; off keeps the number, an empty number forgets it
        assertThat(clerk.put("/api/v1/notifications/preference", Map.of("mobile", " " + mine + " ",
                "smsEnabled", false)).status()).isEqualTo(200);
        JsonNode off = clerk.get("/api/v1/notifications/preference").json();
        assertThat(off.get("mobile").asString()).isEqualTo(mine);
        assertThat(off.get("smsEnabled").asBoolean()).isFalse();
        assertThat(off.get("email").asString()).isEqualTo("clerk2@example.org");
        assertThat(clerk.put("/api/v1/notifications/preference", Map.of("mobile", "", "smsEnabled", false))
                .status()).isEqualTo(200);
        JsonNode forgotten = clerk.get("/api/v1/notifications/preference").json();
        assertThat(forgotten.has("mobile")).isFalse();
        assertThat(forgotten.get("email").asString()).isEqualTo("clerk2@example.org");

        JsonNode untouched = colleague.get("/api/v1/notifications/preference").json();
        assertThat(untouched.get("mobile").asString()).isEqualTo(theirs);
        assertThat(untouched.get("smsEnabled").asBoolean()).isTrue();
        assertThat(untouched.has("email")).isFalse();
    }

    @Test
    void badNumbersAreProblems() {
        Api admin = admin();
        Dept department = newDepartment(admin, "短信坏号局");
        Api clerk = newUser(admin, department.id(), Role.DATA_USER).api();
        String good = newMobile();
        assertThat(clerk.put("/api/v1/notifications/preference", Map.of("mobile", good, "smsEnabled", true))
                .status()).isEqualTo(200);
        for (String bad : List.of("12345678901", "1381234567", "138123456789", "+8613812345678", "138 1234 5678",
                "1381234567a", "１３８１２３４５６７８")) {
            Api.Response refused = clerk.put("/api/v1/notifications/preference",
                    Map.of("mobile", bad, "smsEnabled", true));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("INVALID_VALUE");
        }
        // SMS on needs a number; a number needs its switch, and the switch its number
        Api.Response noNumber = clerk.put("/api/v1/notifications/preference", Map.of("mobile", "", "smsEnabled", true));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(clerk.put("/api/v1/notifications/preference", Map.of("mobile", good)).status()).isEqualTo(400);
        assertThat(clerk.put("/api/v1/notifications/preference", Map.of("smsEnabled", false)).status())
                .isEqualTo(400);
        JsonNode unchanged = clerk.get("/api/v1/notifications/preference").json();
        assertThat(unchanged.get("mobile").asString()).isEqualTo(good);
        assertThat(unchanged.get("smsEnabled").asBoolean()).isTrue();
    }
}

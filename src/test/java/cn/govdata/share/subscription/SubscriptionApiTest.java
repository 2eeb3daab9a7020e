package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions through HTTP on the real database, with a JDK HTTP server on localhost as the subscriber: the
 * police change their population data through the lake's API, and the civil affairs bureau's system receives the
 * granted part of the change, signed — or, when its endpoint fails, a dead letter it can retry.
 */
class SubscriptionApiTest extends GrantedDataFixtures {

    private static final String ZHAO = IdNumbers.of("370602", "19750303", "321");

    /** One request the subscriber received. */
    private record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    @Autowired
    private SubscriptionSecrets secrets;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer subscriber;
    private String endpoint;

    @BeforeEach
    void setUp() throws IOException {
        subscriber = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        subscriber.start();
        endpoint = "http://localhost:" + subscriber.getAddress().getPort() + "/hook";

        setUpData("救助推送系统");
        grantId = narrowedGrant(entryId, systemId, List.of("QUERY", "SUBSCRIPTION"), Map.of());
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop(0);
    }

    @Test
    void aChangeIsPushedSignedWithOnlyTheGrantedItemsAndRecordsMasked() throws Exception {
        Api.Response created = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).matches("[0-9a-f]{64}");
        long id = created.id();
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(system.get("/api/v1/share/subscriptions/" + id).json().has("secret")).isFalse();

        // only later changes: the records already there are not pushed
        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n"
                + WANG + ",王武,370611,福山区长安街3号\n" + ZHAO + ",赵六,370602,芝罘区新华路4号\n");
        await(() -> received.size() == 1);
        Received push = received.get(0);
        assertThat(push.header("X-Govdata-Subscription")).isEqualTo(Long.toString(id));
        assertThat(push.header("X-Govdata-Delivery")).isNotBlank();
        assertThat(push.header("Content-Type")).startsWith("application/json");
        assertThat(SubscriptionSignature.verify(secret, push.header("X-Govdata-Timestamp"),
                push.header("X-Govdata-Delivery"), push.body(), push.header("X-Govdata-Signature"), Instant.now(),
                SubscriptionSignature.DEFAULT_WINDOW)).isTrue();
        byte[] forged = new String(push.body(), StandardCharsets.UTF_8).replace("李*", "李四").getBytes(StandardCharsets.UTF_8);
        assertThat(SubscriptionSignature.verify(secret, push.header("X-Govdata-Timestamp"),
                push.header("X-Govdata-Delivery"), forged, push.header("X-Govdata-Signature"), Instant.now(),
                SubscriptionSignature.DEFAULT_WINDOW)).isFalse();

        String text = new String(push.body(), StandardCharsets.UTF_8);
        JsonNode body = json.readTree(text);
        assertThat(body.get("deliveryId").asString()).isEqualTo(push.header("X-Govdata-Delivery"));
        assertThat(body.get("grantId").asLong()).isEqualTo(grantId);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("pages").asInt()).isEqualTo(1);
        JsonNode changes = body.get("changes");
        assertThat(changes).hasSize(2);
        for (JsonNode change : changes) {
            assertThat(change.get("values").propertyNames()).containsExactlyInAnyOrder("gmsfhm", "xm", "xzqh");
            assertThat(change.get("values").get("gmsfhm").asString()).matches("370602\\*{8}\\d{3}[\\dX]");
            assertThat(change.get("deleted").asBoolean()).isFalse();
        }
        assertThat(text).contains("\"李*\"", "\"赵*\"").doesNotContain(LI, ZHAO, "李思", "王", "370611", "新华路", "张");

        // the cursor advances after the 2xx, so the sweep sends nothing again
        await(() -> system.get("/api/v1/share/subscriptions/" + id).json().get("lastSuccessAt") != null
                && !system.get("/api/v1/share/subscriptions/" + id).json().get("lastSuccessAt").isNull());
        Thread.sleep(1000);
        assertThat(received).hasSize(1);
        JsonNode deliveries = system.get("/api/v1/share/subscriptions/" + id + "/deliveries").json();
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("httpStatus").asInt()).isEqualTo(200);
        assertThat(deliveries.get(0).get("records").asInt()).isEqualTo(2);

        // the delivery is a use of data, recorded with the grant, its purpose and approver
        JsonNode used = audit("share.data.subscription", entryId).get(0);
        assertThat(used.get("grantId").asString()).isEqualTo(Long.toString(grantId));
        assertThat(used.get("purpose").asString()).isEqualTo("核查最低生活保障申请人的身份和户籍");
        assertThat(used.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(used.get("detail").asString()).contains("via subscription " + id, "2 records", "HTTP 200",
                "approved by", push.header("X-Govdata-Delivery"));
    }

    @Test
    void theSecretIsSealedAtRestYetSignsEveryDelivery() {
        Api.Response created = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint));
        String secret = created.text("secret");
        long id = created.id();
        String stored = storedSecret(id);
        assertThat(stored).startsWith("sm4gcm:v1:").doesNotContain(secret);

        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n");
        await(() -> received.size() == 1);
        assertThat(genuine(received.get(0), secret)).isTrue();

        // a rotation seals the new secret; the next delivery is signed with it, not with the old one
        String rotated = system.post("/api/v1/share/subscriptions/" + id + "/secret", Map.of()).text("secret");
        assertThat(storedSecret(id)).startsWith("sm4gcm:v1:").doesNotContain(rotated).isNotEqualTo(stored);
        load("gmsfhm,xm,xzqh,zz\n" + ZHAO + ",赵六,370602,芝罘区新华路4号\n");
        await(() -> received.size() == 2);
        assertThat(genuine(received.get(1), rotated)).isTrue();
        assertThat(genuine(received.get(1), secret)).isFalse();
        assertThat(system.get("/api/v1/share/subscriptions/" + id).json().has("secret")).isFalse();
    }

    @Test
    void aSecretAnEarlierVersionStoredInTheClearIsSealedAtStartAndStillSigns() {
        Api.Response created = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint));
        String secret = created.text("secret");
        long id = created.id();
        // as an earlier version left it
        jdbc.sql("update share_subscription set secret = ? where id = ?").params(secret, id).update();

        assertThat(SubscriptionSecretsSetup.sealClearSecrets(jdbc, secrets)).isPositive();
        String sealed = storedSecret(id);
        assertThat(sealed).startsWith("sm4gcm:v1:").doesNotContain(secret);
        SubscriptionSecretsSetup.sealClearSecrets(jdbc, secrets);
        assertThat(storedSecret(id)).as("sealed once").isEqualTo(sealed);

        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n");
        await(() -> received.size() == 1);
        assertThat(genuine(received.get(0), secret)).isTrue();
    }

    @Test
    void aSealedSecretCopiedToAnotherSubscriptionDoesNotOpenThere() {
        long first = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint)).id();
        long second = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint)).id();
        String copied = storedSecret(first);
        assertThatThrownBy(() -> secrets.open(second, copied)).isInstanceOf(IllegalStateException.class);
        assertThat(secrets.open(first, copied)).matches("[0-9a-f]{64}");
    }

    @Test
    void aFullInitialDeliveryPushesEveryAdmittedRecordFirst() {
        Api.Response created = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint, "items",
                List.of("xm"), "fullInitialDelivery", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await(() -> received.size() == 1);
        JsonNode body = json.readTree(new String(received.get(0).body(), StandardCharsets.UTF_8));
        assertThat(body.get("fromCursor").asLong()).isZero();
        assertThat(body.get("items")).hasSize(1);
        assertThat(Api.texts(body.get("changes"), "deleted")).containsExactly("false", "false");
        assertThat(body.get("changes").get(0).get("values").propertyNames()).containsExactly("xm");
    }

    @Test
    void aFailingEndpointIsRetriedThenDeadLetteredAndTheSubscriberRetriesIt() {
        answer.set(500);
        long id = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint)).id();
        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n");
        await(() -> system.get("/api/v1/share/subscriptions/" + id + "/dead-letters").json().size() == 1);
        // three attempts (max-attempts in the tests), each recorded, then given up
        assertThat(received).hasSize(3);
        assertThat(received.stream().map(r -> r.header("X-Govdata-Delivery")).distinct()).hasSize(3);
        JsonNode deliveries = system.get("/api/v1/share/subscriptions/" + id + "/deliveries").json();
        assertThat(Api.texts(deliveries, "httpStatus")).containsExactly("500", "500", "500");
        assertThat(Api.texts(deliveries, "succeeded")).containsOnly("false");
        JsonNode letter = system.get("/api/v1/share/subscriptions/" + id + "/dead-letters").json().get(0);
        assertThat(letter.get("status").asString()).isEqualTo("PENDING");
        assertThat(letter.get("changes").asLong()).isEqualTo(1);
        assertThat(letter.get("lastError").asString()).isEqualTo("HTTP 500");
        JsonNode subscription = system.get("/api/v1/share/subscriptions/" + id).json();
        assertThat(subscription.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(subscription.get("deliveredCursor").asLong()).isEqualTo(letter.get("toCursor").asLong());
        assertThat(audit("share.data.subscription", entryId).get(0).get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(audit("share.subscription.dead-letter", id)).isNotEmpty();

        // the endpoint is back: the subscriber has the dead letter delivered again
        answer.set(204);
        Api.Response retried = system.post("/api/v1/share/subscriptions/" + id + "/dead-letters/" + letter.get("id").asLong()
                + "/retry", Map.of());
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.text("status")).isEqualTo("RETRIED");
        await(() -> received.size() == 4);
        assertThat(new String(received.get(3).body(), StandardCharsets.UTF_8)).contains("\"李*\"");
        Api.Response again = system.post("/api/v1/share/subscriptions/" + id + "/dead-letters/" + letter.get("id").asLong()
                + "/discard", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DEAD_LETTER_RESOLVED");
    }

    @Test
    void anUnreachableEndpointIsRecordedAsSuch() throws Exception {
        long id = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint)).id();
        subscriber.stop(0);
        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n");
        await(() -> !system.get("/api/v1/share/subscriptions/" + id + "/deliveries").json().isEmpty());
        JsonNode delivery = system.get("/api/v1/share/subscriptions/" + id + "/deliveries").json().get(0);
        assertThat(delivery.has("httpStatus")).isFalse();
        assertThat(delivery.get("error").asString()).isNotBlank();
        assertThat(system.get("/api/v1/share/subscriptions/" + id).json().get("lastError").asString()).isNotBlank();
    }

    @Test
    void aRevokedGrantSuspendsTheSubscriptionAndNothingMoreIsDelivered() throws Exception {
        long id = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint)).id();
        assertThat(policeApprover.post("/api/v1/share/grants/" + grantId + "/revoke", Map.of("reason", "系统停用")).status())
                .isEqualTo(200);
        await(() -> system.get("/api/v1/share/subscriptions/" + id).json().get("status").asString().equals("SUSPENDED"));
        assertThat(system.get("/api/v1/share/subscriptions/" + id).text("statusReason")).isEqualTo("GRANT_REVOKED");
        assertThat(audit("share.subscription.suspend", id).get(0).get("detail").asString()).contains("GRANT_REVOKED");

        load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n");
        Thread.sleep(1500);
        assertThat(received).isEmpty();
        Api.Response resumed = system.post("/api/v1/share/subscriptions/" + id + "/resume", Map.of());
        assertThat(resumed.status()).isEqualTo(403);
        assertThat(resumed.code()).isEqualTo("GRANT_REVOKED");
    }

    @Test
    void subscribingOutsideAGrantOrToAPlainHttpHostIsRefused() {
        // another entry, granted to the same system without the way SUBSCRIPTION
        long queryOnlyEntry = entry("CONDITIONAL");
        narrowedGrant(queryOnlyEntry, systemId, List.of("QUERY"), Map.of());
        Api.Response noWay = subscribe(system, Map.of("entryId", queryOnlyEntry, "endpoint", endpoint));
        assertThat(noWay.status()).isEqualTo(403);
        assertThat(noWay.code()).isEqualTo("GRANT_DOES_NOT_COVER");

        // another department has no grant for it
        Api.Response foreign = admin.post("/api/v1/systems", Map.of("departmentId", strangerDepartment.id(), "name", "学籍推送"));
        Api.Response noGrant = subscribe(connectedSystem(foreign), Map.of("entryId", entryId, "endpoint", endpoint));
        assertThat(noGrant.status()).isEqualTo(403);
        assertThat(noGrant.code()).isEqualTo("NO_GRANT");
        assertThat(audit("share.authorize", entryId).get(0).get("outcome").asString()).isEqualTo("FAILURE");

        // items outside the grant, http to a host that is not allowed, no endpoint
        assertThat(subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint, "items", List.of("zz"))).code())
                .isEqualTo("GRANT_DOES_NOT_COVER");
        Api.Response plain = subscribe(system, Map.of("entryId", entryId, "endpoint", "http://gov.example.cn/hook"));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.code()).isEqualTo("SUBSCRIPTION_ENDPOINT_NOT_HTTPS");
        assertThat(subscribe(system, Map.of("entryId", entryId, "endpoint", "https://u:p@gov.example.cn/")).code())
                .isEqualTo("SUBSCRIPTION_ENDPOINT_INVALID");
        assertThat(subscribe(system, Map.of("entryId", entryId)).code()).isEqualTo("FIELD_REQUIRED");
        assertThat(received).isEmpty();
    }

    @Test
    void aSubscriptionIsManagedByItsOwnerAndUnseenByOthers() {
        Api.Response created = subscribe(system, Map.of("entryId", entryId, "endpoint", endpoint));
        long id = created.id();
        assertThat(Api.texts(system.get("/api/v1/share/subscriptions").json(), "id")).contains(Long.toString(id));
        // the department's data user sees it; a stranger does not
        assertThat(civilUser.api().get("/api/v1/share/subscriptions/" + id).status()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/share/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/share/subscriptions/" + id + "/pause", Map.of()).status()).isEqualTo(404);

        assertThat(system.post("/api/v1/share/subscriptions/" + id + "/pause", Map.of()).text("status")).isEqualTo("PAUSED");
        Api.Response twice = system.post("/api/v1/share/subscriptions/" + id + "/pause", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("SUBSCRIPTION_STATE");
        assertThat(system.post("/api/v1/share/subscriptions/" + id + "/resume", Map.of()).text("status")).isEqualTo("ACTIVE");

        String rotated = system.post("/api/v1/share/subscriptions/" + id + "/secret", Map.of()).text("secret");
        assertThat(rotated).matches("[0-9a-f]{64}").isNotEqualTo(created.text("secret"));
        assertThat(audit("share.subscription.rotate-secret", id)).hasSize(1);

        assertThat(system.delete("/api/v1/share/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(system.get("/api/v1/share/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(audit("share.subscription.delete", id)).hasSize(1);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private String storedSecret(long subscriptionId) {
        return jdbc.sql("select secret from share_subscription where id = ?").param(subscriptionId).query(String.class)
                .single();
    }

    private static boolean genuine(Received push, String secret) {
        return SubscriptionSignature.verify(secret, push.header("X-Govdata-Timestamp"), push.header("X-Govdata-Delivery"),
                push.body(), push.header("X-Govdata-Signature"), Instant.now(), SubscriptionSignature.DEFAULT_WINDOW);
    }

    private Api.Response subscribe(Api api, Map<String, Object> request) {
        return api.post("/api/v1/share/subscriptions", request);
    }
}

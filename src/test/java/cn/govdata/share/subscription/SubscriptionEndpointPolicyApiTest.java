package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;
import tools.jackson.databind.JsonNode;

/**
 * Where subscriptions may push (SSRF), with the platform's settings as an operator would write them: the
 * extranet 10.20.0.0/16 allowed except 10.20.99.0/24, loopback not allowed (unlike the other tests). Registration
 * refuses an endpoint that resolves elsewhere; a delivery checks again and connects only to what it checked, so
 * a subscription whose host now resolves to this machine gets nothing, while a subscriber listening here counts
 * what arrives.
 */
@TestPropertySource(properties = {
        "govdata.share.subscription.allowed-networks=10.20.0.0/16",
        "govdata.share.subscription.denied-networks=10.20.99.0/24",
        "govdata.share.subscription.http-allowed-hosts=localhost,127.0.0.1" })
class SubscriptionEndpointPolicyApiTest extends ShareFixtures {

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-subscription-policy-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer local;
    private long entryId;
    private Api policeProvider;
    private long datasetId;

    @BeforeEach
    void setUp() throws IOException {
        setUpShare();
        local = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        local.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        local.start();
        entryId = entry("CONDITIONAL");
        policeProvider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        datasetId = policeProvider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        grantSubscription(entryId);
    }

    @AfterEach
    void stopLocal() {
        local.stop(0);
    }

    @Test
    void loopbackLinkLocalAndPrivateAddressesOutsideTheAllowedNetworksAreRefused() {
        for (String endpoint : List.of("https://127.0.0.1/hook", "https://localhost/hook",
                "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook",
                "https://10.1.2.3/hook", "https://192.168.1.10/hook", "https://0.0.0.0/hook")) {
            Api.Response refused = subscribe(endpoint);
            assertThat(refused.status()).as(endpoint + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.code()).as(endpoint).isEqualTo("SUBSCRIPTION_ENDPOINT_FORBIDDEN");
        }
        Api.Response metadata = subscribe("https://169.254.169.254/latest/meta-data/");
        assertThat(metadata.text("detail")).contains("169.254.169.254", "链路本地地址");

        JsonNode audited = audit("share.subscription.create", entryId);
        assertThat(audited.get(0).get("outcome").asString()).isEqualTo("FAILURE");
        assertThat(audited.get(0).get("detail").asString()).contains("SUBSCRIPTION_ENDPOINT_FORBIDDEN",
                "169.254.169.254", "link-local");
        assertThat(subscriptions()).isEmpty();
    }

    @Test
    void theAllowedExtranetIsAcceptedExceptWhereDenied() {
        Api.Response extranet = subscribe("https://10.20.1.2/hook");
        assertThat(extranet.status()).as(extranet.body()).isEqualTo(201);
        Api.Response denied = subscribe("https://10.20.99.5/hook");
        assertThat(denied.status()).as(denied.body()).isEqualTo(400);
        assertThat(denied.code()).isEqualTo("SUBSCRIPTION_ENDPOINT_FORBIDDEN");
        assertThat(denied.text("detail")).contains("10.20.99.5", "平台禁止的网络");

        Api.Response unknown = subscribe("https://no-such-host.invalid/hook");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("SUBSCRIPTION_ENDPOINT_UNRESOLVED");
        assertThat(subscriptions()).hasSize(1);
    }

    @Test
    void aDeliveryChecksTheAddressAgainAndConnectsToNothingRefused() {
        // registered while their host led to the allowed extranet; now it leads to this machine (as after a DNS
        // rebinding, or a row of an earlier version)
        long byName = subscribe("https://10.20.1.2/hook").id();
        long byAddress = subscribe("https://10.20.1.3/hook").id();
        int port = local.getAddress().getPort();
        moveEndpoint(byName, "http://localhost:" + port + "/hook");
        moveEndpoint(byAddress, "http://127.0.0.1:" + port + "/hook");

        Api.Response batch = policeProvider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "人口.csv", "text/csv", ("gmsfhm,xm,xzqh,zz\n" + IdNumbers.of("370602", "19800101", "123")
                        + ",张三,370602,芝罘区幸福路1号\n").getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");

        for (long id : List.of(byName, byAddress)) {
            await(() -> !deliveries(id).isEmpty());
            JsonNode delivery = deliveries(id).get(0);
            assertThat(delivery.has("httpStatus")).isFalse();
            assertThat(delivery.get("succeeded").asBoolean()).isFalse();
            assertThat(delivery.get("error").asString()).startsWith("refused: ")
                    .contains("resolves to 127.0.0.1, a loopback address");
            JsonNode subscription = civilUser.api().get("/api/v1/share/subscriptions/" + id).json();
            assertThat(subscription.get("failedAttempts").asInt()).isPositive();
            assertThat(subscription.get("lastError").asString()).isEqualTo(delivery.get("error").asString());
        }
        assertThat(requests).hasValue(0);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private Api.Response subscribe(String endpoint) {
        return civilUser.api().post("/api/v1/share/subscriptions", Map.of("entryId", entryId, "endpoint", endpoint));
    }

    private JsonNode subscriptions() {
        return civilUser.api().get("/api/v1/share/subscriptions").json();
    }

    private JsonNode deliveries(long id) {
        return civilUser.api().get("/api/v1/share/subscriptions/" + id + "/deliveries").json();
    }

    private void moveEndpoint(long id, String endpoint) {
        jdbc.sql("update share_subscription set endpoint = ? where id = ?").params(endpoint, id).update();
    }

    /** Applied for by the civil affairs bureau's data user with the way SUBSCRIPTION, approved as applied for. */
    private void grantSubscription(long entry) {
        Map<String, Object> application = application(entry);
        application.put("ways", List.of("QUERY", "SUBSCRIPTION"));
        Api.Response drafted = civilUser.api().post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        attachAll(drafted.id());
        assertThat(civilUser.api().post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve",
                Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }
}

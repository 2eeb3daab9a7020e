package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import tools.jackson.databind.JsonNode;

/**
 * The subscription part of a dataset's interface description (SHR-5): with a grant for subscription, the
 * civil affairs bureau's developer finds the registration, the management of subscriptions and the signed push as
 * a callback — with exactly the items of that grant, in the very shapes the platform registers and pushes.
 */
class SubscriptionInterfaceApiTest extends GrantedDataFixtures {

    private static final List<String> GRANTED = List.of("gmsfhm", "xm", "xzqh");

    private String path;

    @BeforeEach
    void setUp() {
        setUpGrantedData();
        path = "/api/v1/share/data/" + entryId + "/openapi.json";
    }

    @Test
    void aGrantForSubscriptionDescribesTheRegistrationAndThePushOfExactlyItsItems() throws Exception {
        long pushGrant = subscriptionGrant(List.of("gmsfhm", "xzqh"));
        Api.Response described = system.get(path);
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        OpenAPI openapi = Json.mapper().readValue(described.body(), OpenAPI.class);
        Map<String, Schema> schemas = openapi.getComponents().getSchemas();
        String suffix = "_" + pushGrant;
        String base = "/api/v1/share/data/" + entryId;
        String subscriptions = "/api/v1/share/subscriptions";

        // the registration, under the grant for subscription; verification and query still under the first grant
        assertThat(openapi.getPaths()).containsKeys(base + "/verification", base + "/query", subscriptions,
                subscriptions + "/{id}", subscriptions + "/{id}/pause", subscriptions + "/{id}/resume",
                subscriptions + "/{id}/secret", subscriptions + "/{id}/deliveries", subscriptions + "/{id}/dead-letters",
                subscriptions + "/{id}/dead-letters/{deadLetterId}/retry",
                subscriptions + "/{id}/dead-letters/{deadLetterId}/discard");
        Operation subscribe = openapi.getPaths().get(subscriptions).getPost();
        assertThat(subscribe.getOperationId()).isEqualTo("subscribe");
        assertThat(((Number) subscribe.getExtensions().get("x-grant-id")).longValue()).isEqualTo(pushGrant);
        assertThat(subscribe.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .endsWith("/NewSubscription" + suffix);
        Map<String, Schema> registration = schemas.get("NewSubscription" + suffix).getProperties();
        assertThat(registration).containsOnlyKeys(recordComponents(Subscriptions.NewSubscription.class));
        assertThat(registration.get("entryId").getEnum()).map(value -> ((Number) value).longValue())
                .containsExactly(entryId);
        assertThat(registration.get("items").getItems().getEnum()).containsExactly("gmsfhm", "xzqh");
        assertThat(registration.get("endpoint").getFormat()).isEqualTo("uri");
        assertThat(registration.get("fullInitialDelivery").getType()).isEqualTo("boolean");
        assertThat(subscribe.getResponses().get("201").getContent().get("application/json").getSchema().get$ref())
                .endsWith("/Subscription");
        assertThat(schemas.get("Subscription").getProperties()).containsOnlyKeys(
                recordComponents(Subscriptions.Subscription.class));
        assertThat(schemas.get("Delivery").getProperties()).containsOnlyKeys(recordComponents(Subscriptions.Delivery.class));
        assertThat(schemas.get("DeadLetter").getProperties()).containsOnlyKeys(
                recordComponents(Subscriptions.DeadLetter.class));
        assertThat(subscribe.getResponses()).containsKeys("400", "403", "404");
        assertThat(openapi.getPaths().get(subscriptions + "/{id}/pause").getPost().getResponses()).containsKeys("200",
                "404", "409");

        // the push: a callback of the registration, to the endpoint registered
        Operation push = subscribe.getCallbacks().get("push").get("{$request.body#/endpoint}").getPost();
        assertThat(push).isNotNull();
        String page = push.getRequestBody().getContent().get("application/json").getSchema().get$ref();
        assertThat(page).endsWith("/DeliveryPage" + suffix);
        Schema<?> delivery = schemas.get("DeliveryPage" + suffix);
        assertThat(delivery.getProperties()).containsOnlyKeys(recordComponents(SubscriptionPusher.DeliveryPage.class));
        assertThat(delivery.getRequired()).contains("deliveryId", "fromCursor", "toCursor", "page", "pages", "changes");
        assertThat(delivery.getProperties().get("items").getItems().getEnum()).containsExactly("gmsfhm", "xzqh");
        String change = delivery.getProperties().get("changes").getItems().get$ref();
        assertThat(change).endsWith("/Change" + suffix);
        Schema<?> changeSchema = schemas.get("Change" + suffix);
        assertThat(changeSchema.getProperties()).containsOnlyKeys("values", "deleted");
        Schema<?> values = (Schema<?>) changeSchema.getProperties().get("values");
        assertThat(values.getProperties()).containsOnlyKeys("gmsfhm", "xzqh");
        JsonNode pushed = described.json().get("components").get("schemas").get("Change" + suffix).get("properties")
                .get("values").get("properties");
        assertThat(pushed.get("gmsfhm").get("x-masking").asString()).isEqualTo("ID_NUMBER");
        assertThat(pushed.get("gmsfhm").get("description").asString()).contains("公民身份号码", "保留前 6 位和后 4 位");
        assertThat(push.getDescription()).contains("行政区划代码（xzqh）开头为 370602", "2xx", "死信");

        // the four headers, the signature's input described
        Map<String, Parameter> headers = new LinkedHashMap<>();
        push.getParameters().forEach(parameter -> headers.put(parameter.getName(), parameter));
        assertThat(headers).containsOnlyKeys(SubscriptionPusher.HEADER_SUBSCRIPTION, SubscriptionPusher.HEADER_DELIVERY,
                SubscriptionPusher.HEADER_TIMESTAMP, SubscriptionPusher.HEADER_SIGNATURE);
        headers.values().forEach(header -> {
            assertThat(header.getIn()).isEqualTo("header");
            assertThat(header.getRequired()).isTrue();
        });
        assertThat(headers.get(SubscriptionPusher.HEADER_SIGNATURE).getDescription()).contains("HMAC-SM3",
                "timestamp + \"\\n\" + deliveryId + \"\\n\" + body");
        assertThat(push.getResponses()).containsOnlyKeys("2XX", "default");

        // the grant's way is in the description; the first grant's items are not in the push
        assertThat(openapi.getInfo().getDescription()).contains("授权 #" + pushGrant + "（主动推送）");
        assertThat(((Schema<?>) schemas.get("Record_" + grantId).getProperties().get("values")).getProperties())
                .containsOnlyKeys(GRANTED.toArray(String[]::new));
    }

    /** A second grant to the civil affairs bureau's system on the entry, for subscription only, with these items. */
    private long subscriptionGrant(List<String> items) {
        Map<String, Object> application = application(entryId);
        application.put("ways", List.of("SUBSCRIPTION"));
        application.put("systems", List.of(systemId));
        Api.Response drafted = civilUser.api().post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        attachAll(drafted.id());
        assertThat(civilUser.api().post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve", Map.of(
                "items", items,
                "rowFilter", Map.of("conditions", List.of(Map.of("item", "xzqh", "op", "PREFIX", "values", List.of("370602"))))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("grantIds").get(0).asLong();
    }

    private static String[] recordComponents(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
    }
}

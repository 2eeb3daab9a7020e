package cn.govdata.share.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.shared.Actor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subscription part (主动推送) of an entry's interface description ({@code access.GrantInterface}, SHR-5), for a
 * grant that allows {@link WayOfUse#SUBSCRIPTION}: the registration ({@link SubscriptionController}) with a body
 * for this entry and the grant's items, the operations a subscriber manages its subscriptions with, and the push
 * itself ({@link SubscriptionPusher}) as an OpenAPI callback of the registration — the delivery page the platform
 * POSTs to the registered endpoint, its signed headers ({@link SubscriptionSignature}) and the answer it expects.
 * The limits of retries and pages are the platform's settings as they are, so the document says what really
 * happens.
 */
@Component
public class SubscriptionInterface {

    static final String BASE = "/api/v1/share/subscriptions";
    static final String TAG = "主动推送";

    private final JsonMapper json;
    private final SubscriptionSettings settings;

    SubscriptionInterface(JsonMapper json, SubscriptionSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /**
     * Adds the registration, its push callback and the management operations to {@code paths}, their schemas
     * to {@code schemas}. {@code change} names the schema of one delivered change under the grant (exactly its
     * items, masked), which the delivery page lists.
     */
    public void describe(ObjectNode paths, ObjectNode schemas, PublishedEntry entry, Grant grant, String rowFilter,
            String change) {
        String suffix = "_" + grant.id();
        schemas.set("NewSubscription" + suffix, newSubscription(entry, grant));
        schemas.set("DeliveryPage" + suffix, deliveryPage(entry, grant, change));
        schemas.set("Subscription", subscription());
        schemas.set("Delivery", delivery());
        schemas.set("DeadLetter", deadLetter());
        ObjectNode subscriptions = paths.putObject(BASE);
        subscriptions.set("post", registration(grant, rowFilter, suffix));
        subscriptions.set("get", management("listSubscriptions", "订阅列表",
                "调用者登记的全部订阅，也包括其他目录条目的（数据使用人员：本部门的全部订阅），不含签名密钥。", array(ref("Subscription")), List.of()));
        List<String> subscription = List.of("id");
        List<String> letter = List.of("id", "deadLetterId");
        ObjectNode one = paths.putObject(BASE + "/{id}");
        one.set("get", management("getSubscription", "查看订阅", "一个订阅的状态、游标、最近一次推送和错误。",
                ref("Subscription"), subscription));
        one.set("delete", deleteOperation());
        paths.putObject(BASE + "/{id}/pause").set("post", management("pauseSubscription", "暂停订阅",
                "此后的变化留待恢复后推送，游标不变；只能暂停推送中（ACTIVE）的订阅。", ref("Subscription"),
                subscription, "409"));
        paths.putObject(BASE + "/{id}/resume").set("post", management("resumeSubscription", "恢复订阅",
                "已暂停或已中止的订阅重新授权（授权不再允许时拒绝），随后推送游标之后的全部变化。", ref("Subscription"),
                subscription, "403", "409"));
        paths.putObject(BASE + "/{id}/secret").set("post", management("rotateSubscriptionSecret", "更换签名密钥",
                "签发新的签名密钥，只在本应答中出现一次（secret）；旧密钥立即停止签名。", ref("Subscription"), subscription));
        paths.putObject(BASE + "/{id}/deliveries").set("get", management("listSubscriptionDeliveries", "推送记录",
                "最近 100 次推送请求及其结果（HTTP 状态或错误）。", array(ref("Delivery")), subscription));
        paths.putObject(BASE + "/{id}/dead-letters").set("get", management("listSubscriptionDeadLetters", "死信",
                "多次推送失败后放弃的变化，只有游标范围和条数，不含数据。", array(ref("DeadLetter")), subscription));
        paths.putObject(BASE + "/{id}/dead-letters/{deadLetterId}/retry").set("post", management("retryDeadLetter",
                "重试死信", "订阅游标退回死信的起点，按届时的授权重新读取并推送其变化（其后的变化也会再次推送）。",
                ref("DeadLetter"), letter, "409"));
        paths.putObject(BASE + "/{id}/dead-letters/{deadLetterId}/discard").set("post", management("discardDeadLetter",
                "丢弃死信", "只标记为已丢弃，不再推送。", ref("DeadLetter"), letter, "409"));
    }

    // --- the registration and its callback ----------------------------------------------------------------------

    private ObjectNode registration(Grant grant, String rowFilter, String suffix) {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", "subscribe");
        operation.put("summary", TAG);
        operation.put("description", "登记订阅：此后本条目数据的每次变化，平台把授权范围内的部分推送到 endpoint（见回调 push）。"
                + "签名密钥 secret 只在本应答中出现一次。适用授权 #" + grant.id() + "。");
        operation.putArray("tags").add(TAG);
        operation.put("x-grant-id", grant.id());
        operation.put("x-way", WayOfUse.SUBSCRIPTION.name());
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject("application/json").set("schema", ref("NewSubscription" + suffix));
        ObjectNode responses = operation.putObject("responses");
        ObjectNode created = responses.putObject("201");
        created.put("description", "已登记；应答含签名密钥 secret（仅此一次）");
        created.putObject("content").putObject("application/json").set("schema", ref("Subscription"));
        problems(responses, List.of("400", "403", "404"));
        operation.putObject("callbacks").putObject("push").putObject("{$request.body#/endpoint}").set("post",
                push(rowFilter, suffix));
        return operation;
    }

    /** The request the platform makes to the subscriber, and what the subscriber's answer means. */
    private ObjectNode push(String rowFilter, String suffix) {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", "push");
        operation.put("summary", "推送一页变化");
        operation.put("description", String.join("", "平台以 POST 把授权范围内的变化推送到登记的 endpoint：记录范围为",
                rowFilter, "；数据项为订阅的数据项（省略时为全部授权数据项），按授权的脱敏规则处理。一批变化分页推送，每页至多 ",
                Integer.toString(settings.pageSize()), " 条，各页有自己的 deliveryId；全部页都以 2xx 应答后，订阅游标才前进到 toCursor。"
                        + "推送的记录数计入每日限额，限额用尽时等待 ", zh(settings.maxBackoff()), "再推送，不计失败。\n\n",
                "失败（非 2xx、超时或无法连接；不跟随重定向）时，整批自同一游标起重试：先等待 ", zh(settings.initialBackoff()),
                "，此后每次加倍，至多 ", zh(settings.maxBackoff()), "；", Integer.toString(settings.maxAttempts()),
                " 次仍失败则记为死信（只有游标范围和条数，可重试或丢弃），订阅继续推送此后的变化。重试会重发已确认的页："
                        + "推送至少一次，请按记录主键幂等处理。\n\n",
                "应用之前请校验：X-Govdata-Signature 是对原始请求体计算的签名（以常量时间比较）；X-Govdata-Timestamp 在本机时钟前后 ",
                zh(SubscriptionSignature.DEFAULT_WINDOW), "内；X-Govdata-Delivery 在此时间窗内未曾接受（防重放）。"
                        + "校验不通过时以 4xx 应答，不要应用。"));
        ArrayNode headers = operation.putArray("parameters");
        header(headers, SubscriptionPusher.HEADER_SUBSCRIPTION, "订阅编号（登记应答的 id），与请求体的 subscriptionId 相同")
                .put("type", "integer").put("format", "int64");
        header(headers, SubscriptionPusher.HEADER_DELIVERY, "本次请求的唯一编号，与请求体的 deliveryId 相同；签名输入的一部分，用于防重放")
                .put("type", "string").put("format", "uuid");
        header(headers, SubscriptionPusher.HEADER_TIMESTAMP, "签名时间：自 1970-01-01 UTC 起的秒数；签名输入的一部分")
                .put("type", "integer").put("format", "int64");
        header(headers, SubscriptionPusher.HEADER_SIGNATURE, "签名：小写十六进制的 HMAC-SM3（GB/T 32905 SM3 杂凑，RFC 2104 "
                + "HMAC），密钥为订阅签名密钥 secret 的 UTF-8 字节，输入为 timestamp + \"\\n\" + deliveryId + \"\\n\" + body，"
                + "即 " + SubscriptionPusher.HEADER_TIMESTAMP + " 的值、换行、" + SubscriptionPusher.HEADER_DELIVERY
                + " 的值、换行、收到的原始请求体字节。"
                + "Java 可直接使用 cn.govdata.share.SubscriptionSignature.verify")
                .put("type", "string").put("pattern", "^[0-9a-f]{64}$");
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject("application/json").set("schema", ref("DeliveryPage" + suffix));
        ObjectNode responses = operation.putObject("responses");
        responses.putObject("2XX").put("description", "任意 2xx 即确认本页，应答体不读取");
        responses.putObject("default").put("description", "其他任何状态（包括 3xx 和校验签名失败的 4xx）、连接超时（"
                + zh(settings.connectTimeout()) + "）或 " + zh(settings.readTimeout()) + "内无应答：本批失败，按上述方式重试，"
                + settings.maxAttempts() + " 次后记为死信");
        return operation;
    }

    private static ObjectNode header(ArrayNode parameters, String name, String description) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", "header");
        parameter.put("required", true);
        parameter.put("description", description);
        return parameter.putObject("schema");
    }

    // --- management ------------------------------------------------------------------------------------------

    /**
     * An operation on the caller's subscriptions: not bound to one grant, so it carries no {@code x-grant-id}.
     * One that names a subscription (or its dead letter) by path answers 404 for one the caller does not see.
     */
    private ObjectNode management(String id, String summary, String description, ObjectNode answer,
            List<String> pathParameters, String... problems) {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", id);
        operation.put("summary", summary);
        operation.put("description", description);
        operation.putArray("tags").add(TAG);
        List<String> statuses = new ArrayList<>(List.of(problems));
        if (!pathParameters.isEmpty()) {
            ArrayNode parameters = operation.putArray("parameters");
            pathParameters.forEach(name -> pathParameter(parameters, name));
            statuses.add("404");
        }
        ObjectNode responses = operation.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "成功");
        ok.putObject("content").putObject("application/json").set("schema", answer);
        problems(responses, statuses.stream().sorted().toList());
        return operation;
    }

    private ObjectNode deleteOperation() {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", "deleteSubscription");
        operation.put("summary", "删除订阅");
        operation.put("description", "不再推送。");
        operation.putArray("tags").add(TAG);
        pathParameter(operation.putArray("parameters"), "id");
        ObjectNode responses = operation.putObject("responses");
        responses.putObject("204").put("description", "已删除");
        problems(responses, List.of("404"));
        return operation;
    }

    private static void pathParameter(ArrayNode parameters, String name) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", "path");
        parameter.put("required", true);
        parameter.put("description", name.equals("id") ? "订阅编号" : "死信编号");
        parameter.putObject("schema").put("type", "integer").put("format", "int64");
    }

    private void problems(ObjectNode responses, List<String> statuses) {
        Map<String, String> texts = Map.of(
                "400", "请求不完整或取值无效（FIELD_REQUIRED、SUBSCRIPTION_ENDPOINT_INVALID、SUBSCRIPTION_ENDPOINT_NOT_HTTPS；"
                        + "地址解析到平台不推送的地址 SUBSCRIPTION_ENDPOINT_FORBIDDEN，无法解析 SUBSCRIPTION_ENDPOINT_UNRESOLVED）",
                "403", "没有允许主动推送的可用授权，或授权不覆盖所请求的数据项（NO_GRANT、GRANT_DOES_NOT_COVER、GRANT_EXPIRED 等）",
                "404", "目录条目未发布，或订阅、死信不存在或不属于本系统（本部门）",
                "409", "状态不允许此操作（SUBSCRIPTION_STATE、DEAD_LETTER_RESOLVED）");
        for (String status : statuses) {
            ObjectNode response = responses.putObject(status);
            response.put("description", texts.get(status));
            response.putObject("content").putObject("application/problem+json").set("schema", ref("Problem"));
        }
    }

    // --- schemas ---------------------------------------------------------------------------------------------

    /** The registration's body for this entry: its id fixed, items only among the grant's. */
    private ObjectNode newSubscription(PublishedEntry entry, Grant grant) {
        ObjectNode request = object("登记订阅");
        Map<String, ObjectNode> properties = new LinkedHashMap<>();
        ObjectNode entryId = integer64("目录条目：本条目");
        entryId.putArray("enum").add(entry.id());
        entryId.put("default", entry.id());
        properties.put("entryId", entryId);
        ObjectNode endpoint = string("接收推送的地址：带主机名的 https 绝对地址，不含用户信息和片段"
                + (settings.httpAllowedHosts().isEmpty() ? ""
                        : "（仅以下主机可用 http：" + String.join("、", settings.httpAllowedHosts()) + "）")
                + "；其主机须只解析到平台允许推送的地址");
        endpoint.put("format", "uri");
        endpoint.put("maxLength", SubscriptionEndpoint.MAX_LENGTH);
        if (settings.httpAllowedHosts().isEmpty()) {
            endpoint.put("pattern", "^[Hh][Tt][Tt][Pp][Ss]://");
        }
        properties.put("endpoint", endpoint);
        ObjectNode items = array(grantedItem(grant));
        items.put("description", "推送的数据项，省略为全部授权数据项");
        items.put("uniqueItems", true);
        properties.put("items", items);
        ObjectNode full = json.createObjectNode().put("type", "boolean").put("default", false)
                .put("description", "true：先推送授权范围内的全部记录（fromCursor 为 0），再推送此后的变化；默认只推送登记之后的变化");
        properties.put("fullInitialDelivery", full);
        request.putObject("properties").setAll(properties);
        request.putArray("required").add("entryId").add("endpoint");
        return request;
    }

    /** The body of one push: {@link SubscriptionPusher.DeliveryPage}. */
    private ObjectNode deliveryPage(PublishedEntry entry, Grant grant, String change) {
        ObjectNode page = object("一页推送");
        ObjectNode properties = page.putObject("properties");
        properties.set("subscriptionId", integer64("订阅编号，与 X-Govdata-Subscription 相同"));
        properties.set("deliveryId", string("本页请求的唯一编号，与 X-Govdata-Delivery 相同").put("format", "uuid"));
        ObjectNode entryId = integer64("目录条目");
        entryId.putArray("enum").add(entry.id());
        properties.set("entryId", entryId);
        ObjectNode resourceCode = string("信息资源代码");
        resourceCode.putArray("enum").add(entry.resourceCode());
        properties.set("resourceCode", resourceCode);
        properties.set("grantId", integer64("本次推送所依据的授权：每次推送时重新授权，为覆盖订阅数据项的最新可用授权"));
        properties.set("fromCursor", integer64("本批变化的起点游标（不含）；0 表示全量：授权范围内的全部记录").put("minimum", 0));
        properties.set("toCursor", integer64("本批变化的终点游标（含）；各页都以 2xx 应答后订阅游标前进至此"));
        properties.set("page", json.createObjectNode().put("type", "integer").put("minimum", 1).put("description", "页码，从 1 开始"));
        properties.set("pages", json.createObjectNode().put("type", "integer").put("minimum", 1).put("description", "本批的页数"));
        ObjectNode items = array(grantedItem(grant));
        items.put("description", "本批推送的数据项");
        properties.set("items", items);
        ObjectNode changes = array(ref(change));
        changes.put("description", "本页的变化，至多 " + settings.pageSize() + " 条");
        changes.put("maxItems", settings.pageSize());
        properties.set("changes", changes);
        ArrayNode required = page.putArray("required");
        properties.propertyNames().forEach(required::add);
        return page;
    }

    /** A subscription as its subscriber sees it: {@link Subscriptions.Subscription}. */
    private ObjectNode subscription() {
        ObjectNode subscription = object("一个订阅；为空的字段不出现");
        ObjectNode properties = subscription.putObject("properties");
        properties.set("id", integer64("订阅编号"));
        properties.set("entryId", integer64("目录条目"));
        properties.set("consumerDepartmentId", integer64("使用部门"));
        ObjectNode ownerKind = string("登记者：接入系统（SYSTEM）或数据使用人员（USER）");
        enumOf(ownerKind, List.of(Actor.Kind.values()));
        properties.set("ownerKind", ownerKind);
        properties.set("ownerId", integer64("登记者编号"));
        properties.set("ownerName", string("登记者名称"));
        properties.set("grantId", integer64("最近一次推送或恢复时所依据的授权"));
        properties.set("endpoint", string("接收推送的地址").put("format", "uri"));
        properties.set("items", array(json.createObjectNode().put("type", "string")).put("description",
                "推送的数据项；为空表示全部授权数据项"));
        ObjectNode status = string("ACTIVE 推送中；PAUSED 已暂停（变化留待恢复）；SUSPENDED 已中止（授权不再允许或登记者已停用，见 statusReason）");
        enumOf(status, List.of(Subscriptions.Status.values()));
        properties.set("status", status);
        properties.set("statusReason", string("中止原因：问题代码（如 GRANT_REVOKED）或 " + SubscriptionPusher.OWNER_INACTIVE));
        properties.set("deliveredCursor", integer64("已确认推送到的游标"));
        properties.set("failedAttempts", json.createObjectNode().put("type", "integer").put("description", "当前这批变化已失败的次数"));
        properties.set("nextAttemptAt", dateTime("下次重试时间"));
        properties.set("lastAttemptAt", dateTime("最近一次推送时间"));
        properties.set("lastSuccessAt", dateTime("最近一次成功推送时间"));
        properties.set("lastError", string("最近一次失败的原因"));
        properties.set("createdAt", dateTime("登记时间"));
        properties.set("secret", string("签名密钥：64 位十六进制（256 位），只在登记和更换密钥的应答中出现一次，请妥善保存")
                .put("pattern", "^[0-9a-f]{64}$"));
        subscription.putArray("required").add("id").add("entryId").add("consumerDepartmentId").add("ownerKind")
                .add("ownerId").add("ownerName").add("endpoint").add("items").add("status").add("deliveredCursor")
                .add("failedAttempts").add("createdAt");
        return subscription;
    }

    /** One delivery request and how it went: {@link Subscriptions.Delivery}. */
    private ObjectNode delivery() {
        ObjectNode delivery = object("一次推送请求及其结果");
        ObjectNode properties = delivery.putObject("properties");
        properties.set("id", string("推送编号（deliveryId）").put("format", "uuid"));
        properties.set("grantId", integer64("所依据的授权"));
        properties.set("attemptedAt", dateTime("推送时间"));
        properties.set("fromCursor", integer64("起点游标（不含）"));
        properties.set("toCursor", integer64("终点游标（含）"));
        properties.set("page", json.createObjectNode().put("type", "integer").put("description", "页码"));
        properties.set("pages", json.createObjectNode().put("type", "integer").put("description", "页数"));
        properties.set("records", json.createObjectNode().put("type", "integer").put("description", "本页的变化条数"));
        properties.set("httpStatus", json.createObjectNode().put("type", "integer").put("description", "订阅方应答的 HTTP 状态"));
        properties.set("error", string("没有应答时的原因（无法连接、超时、地址不允许）"));
        properties.set("succeeded", json.createObjectNode().put("type", "boolean").put("description", "是否以 2xx 确认"));
        delivery.putArray("required").add("id").add("grantId").add("attemptedAt").add("fromCursor").add("toCursor")
                .add("page").add("pages").add("records").add("succeeded");
        return delivery;
    }

    /** Changes given up on: {@link Subscriptions.DeadLetter}. */
    private ObjectNode deadLetter() {
        ObjectNode letter = object("多次推送失败后放弃的一批变化：只有范围，不含数据");
        ObjectNode properties = letter.putObject("properties");
        properties.set("id", integer64("死信编号"));
        properties.set("subscriptionId", integer64("订阅编号"));
        properties.set("fromCursor", integer64("起点游标（不含）"));
        properties.set("toCursor", integer64("终点游标（含）"));
        properties.set("changes", integer64("变化条数"));
        properties.set("attempts", json.createObjectNode().put("type", "integer").put("description", "已尝试的次数"));
        properties.set("lastError", string("最后一次失败的原因"));
        properties.set("createdAt", dateTime("记为死信的时间"));
        ObjectNode status = string("PENDING 待处理；RETRIED 已重试；DISCARDED 已丢弃");
        enumOf(status, List.of(Subscriptions.DeadLetterStatus.values()));
        properties.set("status", status);
        properties.set("resolvedAt", dateTime("处理时间"));
        properties.set("resolvedBy", string("处理人"));
        letter.putArray("required").add("id").add("subscriptionId").add("fromCursor").add("toCursor").add("changes")
                .add("attempts").add("createdAt").add("status");
        return letter;
    }

    // --- small parts -----------------------------------------------------------------------------------------

    private ObjectNode grantedItem(Grant grant) {
        ObjectNode item = json.createObjectNode();
        enumOf(item, grant.items());
        return item;
    }

    private ObjectNode object(String description) {
        return json.createObjectNode().put("type", "object").put("description", description);
    }

    private ObjectNode array(ObjectNode items) {
        ObjectNode array = json.createObjectNode().put("type", "array");
        array.set("items", items);
        return array;
    }

    private ObjectNode string(String description) {
        return json.createObjectNode().put("type", "string").put("description", description);
    }

    private ObjectNode integer64(String description) {
        return json.createObjectNode().put("type", "integer").put("format", "int64").put("description", description);
    }

    private ObjectNode dateTime(String description) {
        return string(description).put("format", "date-time");
    }

    private ObjectNode ref(String schema) {
        return json.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static void enumOf(ObjectNode schema, List<?> values) {
        schema.put("type", "string");
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(value -> allowed.add(value.toString()));
    }

    /** A duration in words, as the settings give it (200 毫秒, 30 秒, 5 分钟, 1 小时). */
    static String zh(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + " 毫秒";
        }
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + " 小时";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + " 分钟";
        }
        return seconds + " 秒";
    }
}

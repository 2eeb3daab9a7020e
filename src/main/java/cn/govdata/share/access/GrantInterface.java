package cn.govdata.share.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.lake.LakeRecords.Match;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.MaskingRule;
import cn.govdata.share.RowFilter;
import cn.govdata.share.ShareGrants;
import cn.govdata.share.SharedChange;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.grant.Grants;
import cn.govdata.share.grant.Grants.Grant;
import cn.govdata.share.subscription.SubscriptionInterface;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The interface description of one catalog entry for the caller (SHR-5): an OpenAPI 3.0 document of exactly
 * what the caller's active grants let it call — the verification, query and exchange operations of the ways
 * granted, and for subscription the registration with the push as its callback ({@link SubscriptionInterface}),
 * request and answer schemas whose properties are the granted data items (Chinese name, catalog data type,
 * masking rule), the record key, the row filter and the limits. Per way of use it describes the grant a
 * request that names no items falls under (the newest usable one), as {@link ShareGrants#authorize} picks it.
 *
 * <p>Values travel as text, so every item's JSON type is {@code string}; its catalog data type is given as
 * {@code x-data-type} (and {@code format: date / date-time} for unmasked dates), its masking rule as
 * {@code x-masking}.
 */
@Service
class GrantInterface {

    static final List<WayOfUse> DESCRIBED = List.of(WayOfUse.VERIFICATION, WayOfUse.QUERY, WayOfUse.EXCHANGE,
            WayOfUse.SUBSCRIPTION);

    private static final Map<MaskingRule, String> MASKING = Map.of(
            MaskingRule.NONE, "不脱敏，提供原值",
            MaskingRule.ID_NUMBER, "保留前 6 位和后 4 位",
            MaskingRule.CREDIT_CODE, "保留前 8 位和后 2 位",
            MaskingRule.MOBILE, "保留前 3 位和后 4 位",
            MaskingRule.NAME, "仅保留姓氏",
            MaskingRule.ADDRESS, "保留至区县",
            MaskingRule.BANK_CARD, "保留前 6 位和后 4 位",
            MaskingRule.FULL, "全部以 * 遮盖");

    private static final Map<WayOfUse, String> WAY_NAMES = Map.of(WayOfUse.VERIFICATION, "比对验证",
            WayOfUse.QUERY, "检索查询", WayOfUse.EXCHANGE, "数据交换", WayOfUse.SUBSCRIPTION, "主动推送");

    private final ShareGrants shareGrants;
    private final Grants grants;
    private final PublishedCatalog catalog;
    private final JsonMapper json;
    private final SubscriptionInterface subscriptions;

    GrantInterface(ShareGrants shareGrants, Grants grants, PublishedCatalog catalog, JsonMapper json,
            SubscriptionInterface subscriptions) {
        this.shareGrants = shareGrants;
        this.grants = grants;
        this.catalog = catalog;
        this.json = json;
        this.subscriptions = subscriptions;
    }

    /**
     * The OpenAPI document of an entry's data access interfaces for the caller.
     *
     * @throws DomainException as the interfaces refuse: 404 for an entry not published in the caller's region,
     *         403 ({@code NO_GRANT}, {@code GRANT_EXPIRED}, …) without a usable grant
     */
    ObjectNode describe(Actor actor, long entryId) {
        List<Grant> usable = usable(actor, entryId);
        PublishedEntry entry = catalog.byId(entryId).orElseThrow(() -> DomainException.notFound("catalog entry", entryId));
        Map<String, DataItem> items = entry.content().dataItems().stream()
                .collect(Collectors.toMap(DataItem::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<WayOfUse, Grant> byWay = new LinkedHashMap<>();
        for (WayOfUse way : DESCRIBED) {
            usable.stream().filter(grant -> grant.ways().contains(way)).findFirst().ifPresent(g -> byWay.put(way, g));
        }
        String base = "/api/v1/share/data/" + entryId;

        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", entry.content().name() + "（" + entry.resourceCode() + "）共享数据接口");
        info.put("version", Integer.toString(entry.version()));
        info.put("description", description(entry, usable, byWay, items));
        info.put("x-entry-id", entryId);
        info.put("x-resource-code", entry.resourceCode());
        doc.putArray("servers").addObject().put("url", "/");
        doc.putArray("security").addObject().putArray("clientCredentials");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = components(doc);
        schemas.set("RecordKey", recordKey(entry));
        byWay.forEach((way, grant) -> {
            String suffix = "_" + grant.id();
            switch (way) {
                case VERIFICATION -> {
                    schemas.set("Claims" + suffix, claims(grant, items));
                    schemas.set("VerificationRequest" + suffix, verificationRequest(suffix));
                    schemas.set("Verification" + suffix, verification(grant));
                    paths.putObject(base + "/verification").set("post", operation(way, grant, "verify",
                            "比对验证：提交一条记录的主键和待核对的值，逐项得到 MATCH（一致）、NO_MATCH（不一致）或 NOT_HELD（未持有），"
                                    + "从不返回平台持有的值。每次计 1 条记录。",
                            body("VerificationRequest" + suffix), ok("application/json", ref("Verification" + suffix))));
                }
                case QUERY -> {
                    schemas.set("Record" + suffix, record(grant, items));
                    schemas.set("QueryRequest" + suffix, queryRequest(grant));
                    schemas.set("QueryAnswer" + suffix, queryAnswer(suffix));
                    paths.putObject(base + "/query").set("post", operation(way, grant, "query",
                            "检索查询：按主键，或按授权数据项的条件（EQUALS 等于 / STARTS_WITH 开头为）分页查询，每页至多 "
                                    + SharedData.MAX_PAGE + " 条；只返回授权数据项，按授权的脱敏规则处理；返回的记录数计入每日限额。",
                            body("QueryRequest" + suffix), ok("application/json", ref("QueryAnswer" + suffix))));
                }
                case EXCHANGE -> {
                    schemas.set("Change" + suffix, change(grant, items));
                    paths.putObject(base + "/exchange").set("get", exchange(grant, suffix));
                }
                case SUBSCRIPTION -> {
                    // a push delivers changes in the same form as the exchange's JSON Lines
                    schemas.set("Change" + suffix, change(grant, items));
                    subscriptions.describe(paths, schemas, entry, grant, rowFilter(grant.rowFilter(), items),
                            "Change" + suffix);
                }
            }
        });
        return doc;
    }

    /**
     * The caller's grants on an entry that it may use today, newest first (the order {@link ShareGrants#authorize}
     * tries them in): active, for the caller, and an unconditional grant only while its entry is unconditional.
     *
     * @throws DomainException when there is none, the refusal {@link ShareGrants#authorize} gives (and audits) for
     *         the newest grant's first way of use
     */
    private List<Grant> usable(Actor actor, long entryId) {
        PublishedEntry entry = catalog.byId(entryId).filter(e -> e.regionId() == actor.regionId()).orElse(null);
        List<Grant> held = entry == null ? List.of() : grants.held(actor.departmentId(), entryId);
        List<Grant> usable = held.stream().filter(grant -> grant.status() == Grants.Status.ACTIVE
                && SharePermissions.usesGrant(actor, grant.systems()) && (grant.origin() != Grants.Origin.UNCONDITIONAL
                        || entry.content().shareType() == ShareType.UNCONDITIONAL))
                .toList();
        if (usable.isEmpty()) {
            WayOfUse way = held.isEmpty() || held.getFirst().ways().isEmpty() ? WayOfUse.VERIFICATION
                    : held.getFirst().ways().getFirst();
            shareGrants.authorize(actor, entryId, way, Set.of());
            throw new DomainException(ProblemCode.NO_GRANT, entry == null ? entryId : entry.resourceCode());
        }
        return usable;
    }

    // --- the document's parts ----------------------------------------------------------------------------------

    private ObjectNode components(ObjectNode doc) {
        ObjectNode components = doc.putObject("components");
        ObjectNode scheme = components.putObject("securitySchemes").putObject("clientCredentials");
        scheme.put("type", "oauth2");
        scheme.put("description", "接入系统以客户端凭证换取访问令牌；控制台用户使用登录会话");
        scheme.putObject("flows").putObject("clientCredentials").put("tokenUrl", "/oauth2/token").putObject("scopes");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "RFC 9457 问题详情；code 为稳定的错误代码，如 NO_GRANT、GRANT_DOES_NOT_COVER、QUOTA_EXHAUSTED");
        ObjectNode properties = problem.putObject("properties");
        for (String field : List.of("type", "title", "detail", "instance", "code")) {
            properties.putObject(field).put("type", "string");
        }
        properties.putObject("status").put("type", "integer");
        return schemas;
    }

    private ObjectNode operation(WayOfUse way, Grant grant, String id, String description, ObjectNode requestBody,
            ObjectNode success) {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", id);
        operation.put("summary", WAY_NAMES.get(way));
        operation.put("description", description + " 适用授权 #" + grant.id() + "。");
        operation.putArray("tags").add(WAY_NAMES.get(way));
        operation.put("x-grant-id", grant.id());
        operation.put("x-way", way.name());
        if (requestBody != null) {
            operation.set("requestBody", requestBody);
        }
        ObjectNode responses = operation.putObject("responses");
        responses.set("200", success);
        problems(responses);
        return operation;
    }

    private void problems(ObjectNode responses) {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("400", "请求不完整或取值无效（FIELD_REQUIRED、INVALID_VALUE）");
        statuses.put("403", "没有可用的授权，或授权不覆盖所请求的数据项（NO_GRANT、GRANT_DOES_NOT_COVER、GRANT_EXPIRED 等）");
        statuses.put("404", "目录条目未发布或没有数据集");
        statuses.put("429", "超过授权的调用频率或每日记录数（RATE_LIMITED、QUOTA_EXHAUSTED）");
        statuses.forEach((status, text) -> {
            ObjectNode response = responses.putObject(status);
            response.put("description", text);
            response.putObject("content").putObject("application/problem+json").set("schema", ref("Problem"));
        });
    }

    private ObjectNode exchange(Grant grant, String suffix) {
        ObjectNode operation = operation(WayOfUse.EXCHANGE, grant, "exchange",
                "数据交换：授权范围内的全部记录（since=0），或某游标之后的变化，以 CSV 或 JSON Lines 流式返回；"
                        + "响应头 X-Cursor 为下次的 since，X-Changes 为变化条数；返回的记录数计入每日限额。",
                null, null);
        ArrayNode parameters = operation.putArray("parameters");
        ObjectNode since = parameter(parameters, "since", "上次交换返回的 X-Cursor；0 表示全量");
        since.put("type", "integer");
        since.put("format", "int64");
        since.put("minimum", 0);
        since.put("default", 0);
        ObjectNode format = parameter(parameters, "format", "CSV（默认）或 JSON_LINES");
        format.put("type", "string");
        format.putArray("enum").add("CSV").add("JSON_LINES");
        format.put("default", "CSV");
        ObjectNode items = parameter(parameters, "items", "以逗号分隔的数据项，省略为全部授权数据项：" + String.join(",", grant.items()));
        items.put("type", "string");
        ObjectNode success = json.createObjectNode();
        success.put("description", "授权数据项（按授权脱敏）的记录，已删除的记录只含主键项并标记 _deleted");
        ObjectNode headers = success.putObject("headers");
        headers.putObject("X-Cursor").put("description", "下次交换的 since").putObject("schema").put("type", "integer");
        headers.putObject("X-Changes").put("description", "本次的变化条数").putObject("schema").put("type", "integer");
        ObjectNode content = success.putObject("content");
        ObjectNode csv = content.putObject("text/csv").putObject("schema");
        csv.put("type", "string");
        csv.put("description", "表头：" + String.join(",", grant.items()) + ",_deleted");
        content.putObject("application/x-ndjson").set("schema", ref("Change" + suffix));
        ((ObjectNode) operation.get("responses")).set("200", success);
        return operation;
    }

    private static ObjectNode parameter(ArrayNode parameters, String name, String description) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("required", false);
        parameter.put("description", description);
        return parameter.putObject("schema");
    }

    private ObjectNode recordKey(PublishedEntry entry) {
        ObjectNode key = object("记录主键：每个主键数据项都必须给出");
        ObjectNode properties = key.putObject("properties");
        ArrayNode required = key.putArray("required");
        for (DataItem item : entry.content().recordKey()) {
            properties.set(item.name(), plain(item));
            required.add(item.name());
        }
        return key;
    }

    /** What the caller claims: the granted items, as the caller types them (not masked). */
    private ObjectNode claims(Grant grant, Map<String, DataItem> items) {
        ObjectNode claims = object("待核对的值：只能是授权的数据项，至少一项");
        claims.put("minProperties", 1);
        claims.put("additionalProperties", false);
        ObjectNode properties = claims.putObject("properties");
        grant.items().forEach(name -> properties.set(name, plain(items.get(name), name)));
        return claims;
    }

    private ObjectNode verificationRequest(String suffix) {
        ObjectNode request = object(null);
        request.putObject("properties").set("key", ref("RecordKey"));
        ((ObjectNode) request.get("properties")).set("claims", ref("Claims" + suffix));
        request.putArray("required").add("key").add("claims");
        return request;
    }

    private ObjectNode verification(Grant grant) {
        ObjectNode answer = object("比对结果：从不包含平台持有的值");
        ObjectNode properties = answer.putObject("properties");
        properties.putObject("found").put("type", "boolean").put("description", "授权范围内是否持有该记录");
        ObjectNode verdicts = properties.putObject("items");
        verdicts.put("type", "object");
        verdicts.put("description", "每个核对项的结果");
        ObjectNode verdictProperties = verdicts.putObject("properties");
        grant.items().forEach(name -> {
            ObjectNode verdict = verdictProperties.putObject(name);
            verdict.put("type", "string");
            verdict.putArray("enum").add("MATCH").add("NO_MATCH").add("NOT_HELD");
        });
        properties.putObject("underReview").put("type", "boolean").put("description", "该记录是否有未办结的异议");
        properties.putObject("grantId").put("type", "integer").put("format", "int64");
        return answer;
    }

    /** A record as it leaves under the grant: exactly the granted items, masked as the grant prescribes. */
    private ObjectNode record(Grant grant, Map<String, DataItem> items) {
        ObjectNode record = object("一条记录：授权数据项，按授权的脱敏规则处理");
        ObjectNode properties = record.putObject("properties");
        properties.set("values", deliveredValues(grant, items));
        properties.putObject("underReview").put("type", "boolean").put("description", "该记录是否有未办结的异议");
        return record;
    }

    private ObjectNode queryRequest(Grant grant) {
        ObjectNode request = object("按主键（key），或按条件（filters）查询；二者至少其一");
        ObjectNode properties = request.putObject("properties");
        properties.set("key", ref("RecordKey"));
        ObjectNode filters = properties.putObject("filters");
        filters.put("type", "array");
        filters.put("description", "条件：只能用授权的数据项；同时满足");
        ObjectNode filter = filters.putObject("items");
        filter.put("type", "object");
        ObjectNode filterProperties = filter.putObject("properties");
        enumOf(filterProperties.putObject("item"), grant.items());
        enumOf(filterProperties.putObject("match"), List.of(Match.EQUALS.name(), Match.STARTS_WITH.name()));
        filterProperties.putObject("value").put("type", "string").put("minLength", 1);
        filter.putArray("required").add("item").add("match").add("value");
        ObjectNode wanted = properties.putObject("items");
        wanted.put("type", "array");
        wanted.put("description", "返回的数据项，省略为全部授权数据项");
        enumOf(wanted.putObject("items"), grant.items());
        properties.putObject("page").put("type", "integer").put("minimum", 0).put("default", 0);
        properties.putObject("size").put("type", "integer").put("minimum", 1).put("maximum", SharedData.MAX_PAGE)
                .put("default", 20);
        return request;
    }

    private ObjectNode queryAnswer(String suffix) {
        ObjectNode answer = object(null);
        ObjectNode properties = answer.putObject("properties");
        properties.putObject("total").put("type", "integer").put("format", "int64");
        properties.putObject("page").put("type", "integer");
        properties.putObject("size").put("type", "integer");
        ObjectNode records = properties.putObject("records");
        records.put("type", "array");
        records.set("items", ref("Record" + suffix));
        properties.putObject("grantId").put("type", "integer").put("format", "int64");
        return answer;
    }

    /**
     * A change as {@link SharedChange} is written: its values are the delivered items themselves (not
     * a query's record, which also says whether it is under review).
     */
    private ObjectNode change(Grant grant, Map<String, DataItem> items) {
        ObjectNode change = object("一条变化：一条记录（授权数据项，按授权的脱敏规则处理），或一条删除（deleted 为 true，"
                + "只含所交付数据项中的主键项；主键项不在所交付的数据项中时，删除不告知）");
        ObjectNode properties = change.putObject("properties");
        properties.set("values", deliveredValues(grant, items));
        properties.putObject("deleted").put("type", "boolean").put("description", "是否为删除");
        change.putArray("required").add("values").add("deleted");
        return change;
    }

    // --- items -------------------------------------------------------------------------------------------------

    /** The values of a record as it leaves under the grant: exactly the granted items, each masked. */
    private ObjectNode deliveredValues(Grant grant, Map<String, DataItem> items) {
        ObjectNode values = json.createObjectNode();
        values.put("type", "object");
        values.put("additionalProperties", false);
        ObjectNode properties = values.putObject("properties");
        grant.items().forEach(name -> properties.set(name, delivered(items.get(name), name, grant)));
        return values;
    }

    /** An item's value as the caller sends it. */
    private ObjectNode plain(DataItem item) {
        return plain(item, item.name());
    }

    private ObjectNode plain(DataItem item, String name) {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "string");
        if (item == null) {
            schema.put("description", name);
            return schema;
        }
        schema.put("description", item.chineseName() + "（" + item.type().zh() + lengthText(item) + "）");
        schema.put("x-data-type", item.type().name());
        format(schema, item);
        if (item.length() != null) {
            schema.put("maxLength", item.length());
        }
        return schema;
    }

    /** An item's value as it leaves under the grant: masked one character for one, so its length stays. */
    private ObjectNode delivered(DataItem item, String name, Grant grant) {
        MaskingRule rule = grant.masking().getOrDefault(name, MaskingRule.FULL);
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "string");
        String chinese = item == null ? name : item.chineseName() + "（" + item.type().zh() + lengthText(item) + "）";
        schema.put("description", chinese + "；脱敏：" + MASKING.get(rule));
        if (item != null) {
            schema.put("x-data-type", item.type().name());
            if (rule == MaskingRule.NONE) {
                format(schema, item);
            }
        }
        schema.put("x-masking", rule.name());
        schema.put("nullable", true);
        return schema;
    }

    private static void format(ObjectNode schema, DataItem item) {
        switch (item.type()) {
            case DATE -> schema.put("format", "date");
            case DATETIME -> schema.put("format", "date-time");
            default -> {
            }
        }
    }

    private static String lengthText(DataItem item) {
        return item.length() == null ? "" : "，长度 " + item.length();
    }

    // --- description -------------------------------------------------------------------------------------------

    private String description(PublishedEntry entry, List<Grant> usable, Map<WayOfUse, Grant> byWay,
            Map<String, DataItem> items) {
        List<String> lines = new ArrayList<>();
        lines.add("本部门可调用的 " + entry.content().name() + "（" + entry.resourceCode() + "）接口，按本部门的有效授权生成。");
        lines.add("记录主键：" + entry.content().recordKey().stream().map(i -> i.name() + "（" + i.chineseName() + "）")
                .collect(Collectors.joining("、")) + "。");
        for (Grant grant : usable) {
            List<WayOfUse> described = byWay.entrySet().stream().filter(e -> e.getValue().id() == grant.id())
                    .map(Map.Entry::getKey).toList();
            if (described.isEmpty()) {
                continue;
            }
            lines.add("");
            lines.add("授权 #" + grant.id() + "（" + described.stream().map(WAY_NAMES::get).collect(Collectors.joining("、"))
                    + "）：" + grant.providerDepartmentName() + " 提供给 " + grant.consumerDepartmentName());
            lines.add("- 用途：" + grant.purpose());
            lines.add("- 数据项：" + grant.items().stream().map(name -> name + "（"
                    + (items.containsKey(name) ? items.get(name).chineseName() : name) + "，脱敏："
                    + MASKING.get(grant.masking().getOrDefault(name, MaskingRule.FULL)) + "）")
                    .collect(Collectors.joining("、")));
            lines.add("- 记录范围：" + rowFilter(grant.rowFilter(), items));
            lines.add("- 有效期：" + grant.validFrom() + " 至 " + (grant.validUntil() == null ? "长期" : grant.validUntil()));
            lines.add("- 限额：每秒 " + grant.rateLimit() + " 次请求，每日（北京时间）" + grant.dailyQuota() + " 条记录");
            lines.add("- 批准：" + (grant.approvedBy() == null ? "无条件共享，目录发布即批准" : grant.approvedBy()));
        }
        return String.join("\n", lines);
    }

    static String rowFilter(RowFilter filter, Map<String, DataItem> items) {
        if (filter == null || filter.conditions().isEmpty()) {
            return "全部记录";
        }
        return filter.conditions().stream().map(c -> (items.containsKey(c.item()) ? items.get(c.item()).chineseName()
                : c.item()) + "（" + c.item() + "）" + (c.op() == RowFilter.Op.EQUALS ? "等于 " : "开头为 ")
                + String.join(" 或 ", c.values())).collect(Collectors.joining("，且 "));
    }

    private ObjectNode object(String description) {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    private ObjectNode ref(String schema) {
        return json.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private ObjectNode body(String schema) {
        ObjectNode body = json.createObjectNode();
        body.put("required", true);
        body.putObject("content").putObject("application/json").set("schema", ref(schema));
        return body;
    }

    private ObjectNode ok(String mediaType, ObjectNode schema) {
        ObjectNode ok = json.createObjectNode();
        ok.put("description", "成功");
        ok.putObject("content").putObject(mediaType).set("schema", schema);
        return ok;
    }

    private static void enumOf(ObjectNode schema, List<String> values) {
        schema.put("type", "string");
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(allowed::add);
    }
}

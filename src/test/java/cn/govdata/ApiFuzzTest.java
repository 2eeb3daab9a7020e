package cn.govdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import cn.govdata.support.RawHttp;
import cn.govdata.support.RawHttp.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input on every operation of the API description ({@code /v3/api-docs}), through the real HTTP API
 * (issue #11): malformed JSON, wrong types, huge strings, bad numbers and dates, {@code null} array elements,
 * bad percent-encoding in the path, the query and a form, {@code Accept: application/xml}, a wrong
 * {@code Content-Type}, malformed multipart. No answer may be a 5xx, every error must be an
 * {@code application/problem+json} problem with a {@code code}, and no stack trace may be logged at WARN or
 * ERROR while the requests are served.
 *
 * <p>Bounded and deterministic: each operation gets a fixed-seed sample of the mutations of its body and
 * parameters. Requests go over a raw socket ({@link RawHttp}), which sends what {@code HttpClient} refuses to
 * (a {@code %zz}).
 *
 * <p>The test shares its database with the other classes, so no request may change what they rely on: a path
 * id is always one that does not exist or does not parse (only the fresh department's user, who owns nothing,
 * sends ids that may parse to real ones); operations on region-wide settings and the anonymous entry points
 * get from the administrator only requests that are refused before the operation acts (as the fresh
 * department's user, who may not do them, they get everything); the caller's own session is a throwaway
 * user's, logged in anew for every logout. A change that succeeds anyway fails the test.
 */
class ApiFuzzTest extends ApiIntegrationTest {

    private static final long SEED = 20260411L;
    /** Mutations of each kind tried per operation and caller. */
    private static final int PER_KIND = 3;
    /** An id no object has: valid as a number, never found. */
    private static final String NONEXISTENT = "9000000000000000";
    private static final String HUGE = "数据".repeat(5_000);
    private static final List<String> BAD_NUMBERS = List.of("1e309", "-1", "99999999999999999999", "١٠");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "١٠/١٠/٢٠٢٦", "tomorrow");
    /** Path values that do not parse as an id (Tomcat or the conversion refuses them before any operation). */
    private static final List<String> UNPARSABLE_IDS = List.of("abc", "99999999999999999999", "1e309", "%00");
    /** Path values that parse (-1, 0, Arabic-Indic ten) or do not exist. */
    private static final List<String> ODD_IDS = List.of("-1", "0", NONEXISTENT, enc("١٠"));
    /** Percent-encodings Tomcat cannot decode: not hexadecimal, an unpaired surrogate, a lone %. */
    private static final List<String> BAD_ENCODINGS = List.of("%zz", "%ED%A0%80", "%");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    /** Anonymous entry points: failed logins count against accounts and addresses, so only unreadable requests. */
    private static final Set<String> ANONYMOUS_ENTRIES = Set.of("POST /api/v1/auth/login", "POST /oauth2/token");
    /** Region-wide settings and jobs other classes rely on: the administrator sends only unreadable requests. */
    private static final Set<String> REGION_WIDE = Set.of("PUT /api/v1/lake/sources",
            "PUT /api/v1/catalog/leads/{subjectCode}", "PUT /api/v1/calendar/{year}",
            "POST /api/v1/catalog/search/rebuild", "POST /api/v1/lake/discrepancies/scan");
    private static final String LOGOUT = "POST /api/v1/auth/logout";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RawHttp http;
    private JsonNode schemas;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    /** Changes that succeeded: none may, or the fuzz would alter what other test classes rely on. */
    private final List<String> accepted = new ArrayList<>();
    private int sent;

    /** What a request is, for the failure report. */
    private record Probe(String operation, String variant, String caller) {
    }

    /** A request as it goes on the wire. */
    private record Request(String method, String target, Map<String, String> headers, byte[] body) {
    }

    /** The callers' tokens, and the user whose session each logout ends (logged in anew every time). */
    private record Callers(String admin, String departmentUser, String selfUser, String logoutUsername) {
    }

    @Test
    void noBadRequestGetsA5xxOrAnErrorThatIsNotAProblem() {
        JsonNode description = anonymous.get("/v3/api-docs").json();
        // a client's error is logged briefly at most: no stack trace at WARN or ERROR while requests are served
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            fuzzEveryOperation(description);
        } finally {
            root.detachAppender(log);
        }
        List<String> stackTraces = log.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null)
                .filter(e -> e.getThreadName().contains("handler"))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage() + " — "
                        + e.getThrowableProxy().getClassName())
                .toList();
        assertThat(failures).withFailMessage("%d of %d requests answered badly:%n%s", failures.size(), sent,
                String.join("\n", failures)).isEmpty();
        assertThat(stackTraces).as("stack traces logged while serving bad requests").isEmpty();
        assertThat(accepted).as("changes the fuzz made (it must leave the shared database as it found it)").isEmpty();
    }

    private void fuzzEveryOperation(JsonNode description) {
        http = new RawHttp(port);
        Api admin = admin();
        schemas = description.path("components").path("schemas");
        Dept department = newDepartment(admin, "模糊测试部门");
        LoggedIn departmentUser = newUser(admin, department.id(), Role.CATALOG_EDITOR, Role.DATA_PROVIDER,
                Role.SHARE_APPROVER, Role.DATA_USER, Role.DEPARTMENT_ADMIN);
        LoggedIn selfUser = newUser(admin, department.id(), Role.DATA_USER);
        LoggedIn logoutUser = newUser(admin, department.id(), Role.DATA_USER);
        Callers callers = new Callers(admin.token(), departmentUser.api().token(), selfUser.api().token(),
                logoutUser.username());

        int operations = 0;
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                fuzz(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(), callers);
                operations++;
            }
        }

        System.out.printf("Fuzzed %d operations with %d requests, answered %s%n", operations, sent, statuses);
        assertThat(operations).as("operations in the API description").isGreaterThan(100);
        assertThat(sent).as("requests sent").isGreaterThan(operations * 10);
    }

    private void fuzz(String method, String template, JsonNode operation, Callers callers) {
        String key = method + " " + template;
        Random random = new Random(SEED ^ key.hashCode());
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        JsonNode content = operation.path("requestBody").path("content");
        String mediaType = content.propertyNames().stream().findFirst().orElse(null);
        JsonNode body = mediaType == null ? null : sample(content.get(mediaType).path("schema"), 0);

        boolean unreadableOnly = ANONYMOUS_ENTRIES.contains(key) || REGION_WIDE.contains(key);
        List<Request> requests = new ArrayList<>();
        requests.addAll(unreadable(method, template, parameters, mediaType, body, random));
        if (!unreadableOnly) {
            requests.addAll(readable(method, template, parameters, mediaType, body, random, false));
        }
        if (key.equals(LOGOUT)) {
            send(key, requests, "a throwaway session", () -> login(callers.logoutUsername()));
        } else if (template.startsWith("/api/v1/auth/")) {
            send(key, requests, "a throwaway user", callers::selfUser);
        } else {
            send(key, requests, "the administrator", callers::admin);
        }

        // the fresh department's user: odd ids everywhere, and everything where the administrator held back
        List<Request> asDepartmentUser = new ArrayList<>();
        if (template.contains("{")) {
            asDepartmentUser.addAll(unparsableIds(method, template, parameters, mediaType, body, random));
            asDepartmentUser.addAll(ids(method, template, parameters, mediaType, body, true));
        }
        if (REGION_WIDE.contains(key)) {
            asDepartmentUser.addAll(readable(method, template, parameters, mediaType, body, random, true));
        }
        if (!ANONYMOUS_ENTRIES.contains(key) && !key.equals(LOGOUT)) {
            send(key, asDepartmentUser, "the department user", callers::departmentUser);
        }
    }

    // --- requests refused before any operation acts -------------------------------------------------------

    private List<Request> unreadable(String method, String template, List<JsonNode> parameters, String mediaType,
            JsonNode body, Random random) {
        List<Request> requests = new ArrayList<>(unparsableIds(method, template, parameters, mediaType, body, random));
        String path = path(template, parameters, Map.of());
        List<JsonNode> query = parameters.stream().filter(p -> p.path("in").asString().equals("query")).toList();
        if (!query.isEmpty()) {
            for (String bad : BAD_ENCODINGS) {
                String name = query.get(random.nextInt(query.size())).path("name").asString();
                requests.add(request(method, path + "?" + name + "=" + bad, mediaType, body));
            }
        }
        if (List.of("PUT", "PATCH", "DELETE").contains(method)) {
            // Spring reads a form body of these methods in a filter, before any operation
            BAD_ENCODINGS.forEach(bad -> requests.add(raw(method, path, "application/x-www-form-urlencoded", "a=" + bad)));
        }
        if (mediaType == null) {
            return requests;
        }
        switch (mediaType) {
            case "application/json" -> {
                requests.add(raw(method, path, "application/json", "{\"content\": [1, 2"));
                requests.add(raw(method, path, "text/plain", "just text"));
                requests.add(raw(method, path, "application/xml", "<request/>"));
                requests.add(raw(method, path, "application/json", body.isArray() ? "{}" : "[]"));
                List<Mutation> mutations = mutations(body, false);
                pick(mutations, Kind.NULL_ELEMENT, random).forEach(m -> requests.add(json(method, path, m.apply(body))));
                pick(mutations, Kind.WRONG_TYPE, random).forEach(m -> requests.add(json(method, path, m.apply(body))));
            }
            case "multipart/form-data" -> {
                requests.add(raw(method, path, "multipart/form-data", "--x\r\n\r\nno boundary declared"));
                requests.add(raw(method, path, "multipart/form-data; boundary=XX",
                        "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ntrunc"));
                requests.add(raw(method, path, "multipart/form-data; boundary=XX", "--XX\r\nContent-Dispo"));
                requests.add(raw(method, path, "application/json", "{}"));
            }
            case "application/x-www-form-urlencoded" -> {
                for (String bad : BAD_ENCODINGS) {
                    requests.add(raw(method, path, mediaType, "grant_type=" + bad));
                }
                requests.add(raw(method, path, "application/json", "{\"grant_type\": \"client_credentials\"}"));
            }
            default -> requests.add(raw(method, path, "text/plain", "just text"));
        }
        return requests;
    }

    // --- requests that may reach the operation: never on an existing object -----------------------------

    private List<Request> readable(String method, String template, List<JsonNode> parameters, String mediaType,
            JsonNode body, Random random, boolean anyId) {
        List<Request> requests = new ArrayList<>();
        String path = path(template, parameters, Map.of());
        boolean onAnObject = template.contains("{");
        requests.add(new Request(method, path, headers("Accept", "application/xml", mediaType), bytes(mediaType, body)));
        if (onAnObject) {
            requests.addAll(ids(method, template, parameters, mediaType, body, anyId || method.equals("GET")));
        }
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asString();
            List<String> values = new ArrayList<>();
            String type = resolve(parameter.path("schema")).path("type").asString("string");
            switch (type) {
                case "integer", "number" -> BAD_NUMBERS.forEach(v -> values.add(enc(v)));
                case "boolean" -> values.add("maybe");
                default -> {
                    values.add(enc(HUGE.substring(0, 2_000)));
                    values.add(enc(HUGE));
                    BAD_DATES.forEach(v -> values.add(enc(v)));
                    values.add(",,,");
                }
            }
            for (String value : some(values, 2, random)) {
                requests.add(request(method, path + "?" + name + "=" + value, mediaType, body));
            }
        }
        if ("application/json".equals(mediaType)) {
            requests.add(raw(method, path, mediaType, body.isArray() ? "[{}]" : "{}"));
            requests.add(raw(method, path, mediaType, "null"));
            List<Mutation> mutations = mutations(body, onAnObject);
            for (Kind kind : List.of(Kind.HUGE, Kind.BAD_NUMBER, Kind.BAD_DATE, Kind.NULL_FIELD)) {
                pick(mutations, kind, random).forEach(m -> requests.add(json(method, path, m.apply(body))));
            }
        }
        if ("multipart/form-data".equals(mediaType)) {
            for (String filename : List.of("fu\"zz.csv", "fu\u0000zz.csv", "../../etc/passwd", HUGE.substring(0, 300))) {
                requests.add(raw(method, path, "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: "
                        + "form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv\r\n\r\n"
                        + "a,b\r\n1,2\r\n--XX--\r\n"));
            }
        }
        return requests;
    }

    /**
     * The operation on odd path values, each path parameter in turn, the others nonexistent: -1, 0 and an id that
     * no object has; where any id may be sent, also Arabic-Indic ten, which parses as 10.
     */
    private List<Request> ids(String method, String template, List<JsonNode> parameters, String mediaType,
            JsonNode body, boolean anyId) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.path("name").asString();
                for (String value : anyId ? ODD_IDS : ODD_IDS.subList(0, 3)) {
                    requests.add(request(method, path(template, parameters, Map.of(name, value)), mediaType, body));
                }
            }
        }
        return requests;
    }

    /**
     * Path values refused before any operation: a percent-encoding Tomcat cannot decode (in one parameter), and
     * for a number two of: not a number, too large, a NUL.
     */
    private List<Request> unparsableIds(String method, String template, List<JsonNode> parameters,
            String mediaType, JsonNode body, Random random) {
        List<Request> requests = new ArrayList<>();
        List<JsonNode> inPath = parameters.stream().filter(p -> p.path("in").asString().equals("path")).toList();
        if (inPath.isEmpty()) {
            return requests;
        }
        String encoded = inPath.get(random.nextInt(inPath.size())).path("name").asString();
        for (String bad : BAD_ENCODINGS.subList(0, 2)) {
            requests.add(request(method, path(template, parameters, Map.of(encoded, bad)), mediaType, body));
        }
        for (JsonNode parameter : inPath) {
            if (resolve(parameter.path("schema")).path("type").asString().equals("integer")) {
                for (String value : some(UNPARSABLE_IDS, 2, random)) {
                    String name = parameter.path("name").asString();
                    requests.add(request(method, path(template, parameters, Map.of(name, value)), mediaType, body));
                }
            }
        }
        return requests;
    }

    private static <T> List<T> some(List<T> values, int count, Random random) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    /** The path with every parameter nonexistent unless given: an id that no object has, a code no subject has. */
    private String path(String template, List<JsonNode> parameters, Map<String, String> values) {
        String path = template;
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            if (!parameter.path("in").asString().equals("path")) {
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            String fallback = !schema.path("type").asString().equals("integer") ? "fuzz-none"
                    : schema.path("format").asString().equals("int32") ? "2147483647" : NONEXISTENT;
            path = path.replace("{" + name + "}", values.getOrDefault(name, fallback));
        }
        return path;
    }

    // --- bodies -------------------------------------------------------------------------------------------

    /** A body of the schema's shape: enums their first value, ids that no object has, one element per list. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "string" -> switch (resolved.path("format").asString()) {
                case "date" -> NODES.stringNode("2026-01-01");
                case "date-time" -> NODES.stringNode("2026-01-01T00:00:00+08:00");
                default -> NODES.stringNode("fuzz");
            };
            case "integer" -> resolved.path("format").asString().equals("int32") ? NODES.numberNode(7)
                    : NODES.numberNode(Long.parseLong(NONEXISTENT));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(resolved.path("items"), depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    resolved.path("properties").properties()
                            .forEach(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                    if (resolved.path("additionalProperties").isObject() && object.isEmpty()) {
                        object.put("fuzz", "x");
                    }
                }
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return resolve(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return resolve(schema.get(choice).get(0));
            }
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            merged.put("type", "object");
            for (JsonNode part : schema.get("allOf")) {
                resolve(part).path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
            }
            return merged;
        }
        return schema;
    }

    private enum Kind { NULL_ELEMENT, WRONG_TYPE, HUGE, BAD_NUMBER, BAD_DATE, NULL_FIELD }

    /** One change at one place of a body. */
    private record Mutation(Kind kind, List<Object> at, JsonNode value) {

        JsonNode apply(JsonNode body) {
            if (at.isEmpty()) {
                return value;
            }
            JsonNode copy = body.deepCopy();
            JsonNode parent = copy;
            for (Object step : at.subList(0, at.size() - 1)) {
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            Object last = at.getLast();
            if (parent instanceof ArrayNode array) {
                array.set((Integer) last, value);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
            return copy;
        }
    }

    /** Every mutation of every place in the body; Arabic-Indic digits as a number only where no object is hit. */
    private static List<Mutation> mutations(JsonNode body, boolean onAnObject) {
        List<Mutation> mutations = new ArrayList<>();
        collect(body, new ArrayList<>(), mutations, onAnObject);
        return mutations;
    }

    private static void collect(JsonNode node, List<Object> at, List<Mutation> into, boolean onAnObject) {
        List<Object> here = List.copyOf(at);
        if (node.isString()) {
            into.add(new Mutation(Kind.HUGE, here, NODES.stringNode(HUGE)));
            into.add(new Mutation(Kind.WRONG_TYPE, here, NODES.objectNode().put("x", 1)));
            if (DATE.matcher(node.asString()).matches()) {
                BAD_DATES.forEach(d -> into.add(new Mutation(Kind.BAD_DATE, here, NODES.stringNode(d))));
            }
        } else if (node.isNumber()) {
            into.add(new Mutation(Kind.BAD_NUMBER, here, NODES.numberNode(new BigDecimal("1e309"))));
            into.add(new Mutation(Kind.BAD_NUMBER, here, NODES.numberNode(-1)));
            into.add(new Mutation(Kind.BAD_NUMBER, here, NODES.numberNode(new BigInteger("99999999999999999999"))));
            if (onAnObject) {
                into.add(new Mutation(Kind.BAD_NUMBER, here, NODES.stringNode("١٠")));
            }
            into.add(new Mutation(Kind.WRONG_TYPE, here, NODES.stringNode("abc")));
        } else if (node.isBoolean()) {
            into.add(new Mutation(Kind.WRONG_TYPE, here, NODES.stringNode("maybe")));
        } else if (node.isArray()) {
            into.add(new Mutation(Kind.NULL_ELEMENT, here, NODES.arrayNode().addNull()));
            ArrayNode withNull = (ArrayNode) node.deepCopy();
            into.add(new Mutation(Kind.NULL_ELEMENT, here, withNull.addNull()));
            into.add(new Mutation(Kind.WRONG_TYPE, here, NODES.stringNode("x")));
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                collect(node.get(i), at, into, onAnObject);
                at.removeLast();
            }
        } else if (node.isObject()) {
            if (!here.isEmpty()) {
                into.add(new Mutation(Kind.WRONG_TYPE, here, NODES.stringNode("x")));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                at.add(field.getKey());
                collect(field.getValue(), at, into, onAnObject);
                at.removeLast();
            }
        }
        if (!here.isEmpty() && !node.isNull()) {
            into.add(new Mutation(Kind.NULL_FIELD, here, NODES.nullNode()));
        }
    }

    private static List<Mutation> pick(List<Mutation> mutations, Kind kind, Random random) {
        return some(mutations.stream().filter(m -> m.kind() == kind).toList(), PER_KIND, random);
    }

    // --- sending and checking -----------------------------------------------------------------------------

    private Request request(String method, String target, String mediaType, JsonNode body) {
        return new Request(method, target, headers("Accept", "application/json", mediaType), bytes(mediaType, body));
    }

    private Request json(String method, String target, JsonNode body) {
        return new Request(method, target, headers("Accept", "application/json", "application/json"),
                bytes("application/json", body));
    }

    private static Request raw(String method, String target, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Request(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(String name, String value, String mediaType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(name, value);
        if (mediaType != null) {
            headers.put("Content-Type", mediaType.equals("multipart/form-data")
                    ? "multipart/form-data; boundary=XX" : mediaType);
        }
        return headers;
    }

    /** The sample body in its media type: JSON, a form, or a multipart body with one small CSV file. */
    private static byte[] bytes(String mediaType, JsonNode body) {
        if (mediaType == null) {
            return null;
        }
        String text = switch (mediaType) {
            case "multipart/form-data" -> "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XX--\r\n";
            case "application/x-www-form-urlencoded" -> "grant_type=client_credentials";
            default -> JSON.writeValueAsString(body);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void send(String operation, List<Request> requests, String caller, Supplier<String> token) {
        for (Request request : requests) {
            Map<String, String> headers = new LinkedHashMap<>(request.headers());
            headers.put("Authorization", "Bearer " + token.get());
            headers.put("Accept-Language", sent % 2 == 0 ? "zh-CN" : "en");
            Answer answer = http.send(request.method(), request.target(), headers, request.body());
            sent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() < 300 && !request.method().equals("GET") && !caller.startsWith("a throwaway")) {
                accepted.add(operation + " as " + caller + " — " + abbreviated(request.target()));
            }
            String body = request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
            check(new Probe(operation, request.method() + " " + abbreviated(request.target()) + " "
                    + headers.getOrDefault("Content-Type", "") + " " + abbreviated(body), caller), answer);
        }
    }

    private String login(String username) {
        return login(username, USER_PASSWORD).token();
    }

    private void check(Probe probe, Answer answer) {
        String problem = null;
        if (answer.status() >= 500) {
            problem = "a server error";
        } else if (answer.status() >= 400) {
            if (!answer.isProblem()) {
                problem = "not a problem";
            } else {
                JsonNode json = answer.json();
                if (!json.path("code").isString() || json.path("code").asString().isBlank()) {
                    problem = "a problem without a code";
                } else if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                    problem = "a problem that tells the exception";
                }
            }
        }
        if (problem != null) {
            failures.add(problem + ": " + probe.operation() + " as " + probe.caller() + " — " + probe.variant()
                    + " → " + answer.status() + " " + answer.contentType() + " " + abbreviated(answer.body()));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…(" + oneLine.length() + ")";
    }
}

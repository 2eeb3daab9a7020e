package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/**
 * One spelling per id and enum, and no hidden characters in names (issue #11, item 5): an id written in another
 * script's digits, in hex, with a sign or a leading zero never finds the object it would parse to; it is a 400
 * problem (the request is malformed, whichever object it names), not a 404 (which says "no such object for you").
 */
class CanonicalInputApiTest extends ApiIntegrationTest {

    private Api admin;
    private Dept dept;
    private long userId;

    @BeforeEach
    void setUp() {
        admin = admin();
        dept = newDepartment(admin, "标识测试局");
        userId = newUser(admin, dept.id(), Role.DATA_USER).id();
    }

    @Test
    void anIdInThePathIsTakenOnlyInAsciiDigits() {
        assertThat(admin.get("/api/v1/users/" + userId).status()).isEqualTo(200);
        String id = Long.toString(userId);
        for (String spelling : List.of(inDigits(id, '٠'), inDigits(id, '０'), inDigits(id, '०'),
                "0x" + Long.toHexString(userId), "+" + id, "0" + id, " " + id, id + ".0", "-" + id)) {
            Api.Response response = admin.get("/api/v1/users/" + encode(spelling));
            assertThat(response.status()).as(spelling).isEqualTo(400);
            assertThat(response.contentType()).as(spelling).startsWith("application/problem+json");
            assertThat(response.code()).as(spelling).isEqualTo("INVALID_VALUE");
            assertThat(response.body()).as(spelling).doesNotContain("测试用户");
        }
    }

    @Test
    void anIdInAnotherModulesPathIsRefusedTheSameWay() {
        // U+0661 ARABIC-INDIC DIGIT ONE: never entry 1
        Api.Response retire = admin.post("/api/v1/catalog/entries/%D9%A1/retire", Map.of());
        assertThat(retire.status()).isEqualTo(400);
        assertThat(retire.code()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void anIdInARequestParameterIsTakenOnlyInAsciiDigits() {
        assertThat(admin.get("/api/v1/users?departmentId=" + dept.id()).status()).isEqualTo(200);
        for (String spelling : List.of(inDigits(Long.toString(dept.id()), '٠'), "0x" + Long.toHexString(dept.id()),
                "+" + dept.id())) {
            Api.Response response = admin.get("/api/v1/users?departmentId=" + encode(spelling));
            assertThat(response.status()).as(spelling).isEqualTo(400);
            assertThat(response.code()).as(spelling).isEqualTo("INVALID_VALUE");
        }
        // an empty optional parameter is still "not given"
        assertThat(admin.get("/api/v1/users?departmentId=").status()).isEqualTo(200);
    }

    @Test
    void anEnumInABodyIsTakenOnlyByItsName() {
        int dataUser = Role.DATA_USER.ordinal();
        for (Object role : List.of(dataUser, Integer.toString(dataUser))) {
            Api.Response response = admin.post("/api/v1/users", user(Map.of("roles", List.of(role))));
            assertThat(response.status()).as(String.valueOf(role)).isEqualTo(400);
            assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        }
        assertThat(admin.post("/api/v1/users", user(Map.of("roles", List.of("DATA_USER")))).status()).isEqualTo(201);
    }

    @Test
    void anIdInABodyIsAJsonIntegerOrCanonicalDigits() {
        String id = Long.toString(dept.id());
        for (Object spelling : List.of(inDigits(id, '٠'), inDigits(id, '０'), "+" + id, "0x" + Long.toHexString(dept.id()),
                dept.id() + 0.5)) {
            Api.Response response = admin.post("/api/v1/users", user(Map.of("departmentId", spelling)));
            assertThat(response.status()).as(String.valueOf(spelling)).isEqualTo(400);
            assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        }
        Api.Response asDigits = admin.post("/api/v1/users", user(Map.of("departmentId", id)));
        assertThat(asDigits.status()).as(asDigits.body()).isEqualTo(201);
        assertThat(asDigits.json().get("departmentId").asLong()).isEqualTo(dept.id());
    }

    @Test
    void namesHoldNoControlOrInvisibleCharacters() {
        // NUL, BEL, RIGHT-TO-LEFT OVERRIDE, RIGHT-TO-LEFT ISOLATE, ZERO WIDTH SPACE, ZERO WIDTH JOINER, BOM, a line
        // break, LINE SEPARATOR, an unpaired surrogate; sent as JSON escapes, as an attacker would
        for (int hidden : new int[] { 0x0000, 0x0007, 0x202E, 0x2067, 0x200B, 0x200D, 0xFEFF, 0x000A, 0x2028, 0xD800 }) {
            String escape = String.format("\\u%04X", hidden);
            String label = String.format("U+%04X", hidden);
            Api.Response user = admin.post("/api/v1/users", """
                    {"username": "c%s", "displayName": "测试%s用户", "departmentId": %d, "roles": ["DATA_USER"],
                     "initialPassword": "Initial-Pass-2026"}""".formatted(unique(), escape, dept.id()));
            assertThat(user.status()).as(label).isEqualTo(400);
            assertThat(user.code()).as(label).isEqualTo("VALIDATION_FAILED");
            assertThat(user.json().get("fields").get("displayName").asString()).as(label)
                    .isEqualTo("不能包含控制字符或不可见的格式字符（零宽字符、文字方向控制符）");
            Api.Response department = admin.put("/api/v1/departments/" + dept.id(), """
                    {"name": "公安局%sexe.txt", "type": "ADMINISTRATIVE_ORGAN"}""".formatted(escape));
            assertThat(department.status()).as(label).isEqualTo(400);
            assertThat(department.json().get("fields").has("name")).as(label).isTrue();
        }
        assertThat(admin.get("/api/v1/departments/" + dept.id()).text("name")).isEqualTo(dept.name());

        Api.Response english = admin.inLanguage("en").post("/api/v1/users", user(Map.of("displayName", "a\u202Eb")));
        assertThat(english.json().get("fields").get("displayName").asString())
                .isEqualTo("must not contain control characters or invisible formatting characters (zero-width, text direction)");
    }

    @Test
    void freeTextOfSeveralLinesKeepsItsLineBreaksButNoHiddenCharacters() {
        Map<String, Object> person = Map.of("name", "张明", "title", "副局长");
        Api.Response multiline = admin.put("/api/v1/departments/" + dept.id() + "/roster",
                Map.of("leader", person, "manager", person, "reason", "首次报备\n第二行"));
        assertThat(multiline.status()).as(multiline.body()).isEqualTo(200);
        Api.Response hidden = admin.put("/api/v1/departments/" + dept.id() + "/roster",
                Map.of("leader", Map.of("name", "张\u200B明"), "manager", person, "reason", "更正\u202E"));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.json().get("fields").has("leader.name")).isTrue();
        assertThat(hidden.json().get("fields").has("reason")).isTrue();
    }

    private Map<String, Object> user(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("username", "c" + unique(), "displayName", "测试用户",
                "departmentId", dept.id(), "roles", List.of("DATA_USER"), "initialPassword", "Initial-Pass-2026"));
        body.putAll(overrides);
        return body;
    }

    /** The number's ASCII digits written with the digits of another script, whose zero is given. */
    private static String inDigits(String asciiDigits, char zero) {
        StringBuilder out = new StringBuilder();
        asciiDigits.chars().forEach(c -> out.append((char) (zero + (c - '0'))));
        return out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package cn.govdata.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import cn.govdata.support.RawHttp;
import cn.govdata.support.RawHttp.Answer;

/**
 * Each cause of a 5xx or of an error that was not a problem, one by one (issue #11); {@code ApiFuzzTest} sends
 * bad input to every operation.
 */
class ProblemsApiTest extends ApiIntegrationTest {

    @Autowired
    ProblemAdvice advice;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theErrorPageAskedForDirectlyIsANotFoundProblem() {
        for (Api caller : List.of(anonymous, admin())) {
            Api.Response error = caller.get("/error");
            assertThat(error.status()).isEqualTo(404);
            assertThat(error.contentType()).startsWith("application/problem+json");
            assertThat(error.code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void pathsTomcatRefusesBeforeTheApplicationAreProblems() {
        RawHttp http = new RawHttp(port);
        for (String path : List.of("/api/v1/regions/%zz", "/api/v1/regions/%ED%A0%80", "/api/v1/x%2Fy",
                "/api/v1/re{gions", "/api/v1/regions?q=" + "x".repeat(10_000))) {
            Answer answer = http.send("GET", path, Map.of(), (String) null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.isProblem()).as(path + ": " + answer.body()).isTrue();
            assertThat(answer.code()).as(path).isEqualTo("MALFORMED_REQUEST");
            assertThat(answer.json().path("detail").asString()).as(path).startsWith("无法解析请求");
        }
    }

    @Test
    void undecodableQueriesAndFormsAreMalformedRequests() {
        RawHttp http = new RawHttp(port);
        Map<String, String> asAdmin = Map.of("Authorization", "Bearer " + admin().token());
        Map<String, String> formAsAdmin = Map.of("Authorization", "Bearer " + admin().token(), "Content-Type",
                "application/x-www-form-urlencoded");
        List<Answer> answers = List.of(http.send("GET", "/api/v1/divisions?q=%zz", asAdmin, (String) null),
                http.send("GET", "/api/v1/audit?actor=%ED%A0%80", asAdmin, (String) null),
                http.send("POST", "/oauth2/token", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "grant_type=%ED%A0%80"),
                // Spring reads the form body of a PUT in a filter, before any controller
                http.send("PUT", "/api/v1/departments/1", formAsAdmin, "name=%zz"));
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.body()).isTrue();
            assertThat(answer.code()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void aCallerThatAcceptsOnlyXmlGetsANotAcceptableProblem() {
        Api.Response xml = anonymous.send("GET", "/api/v1/regions", null, "Authorization", "Bearer " + admin().token(),
                "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.contentType()).startsWith("application/problem+json");
        assertThat(xml.code()).isEqualTo("NOT_ACCEPTABLE");
    }

    @Test
    void malformedMultipartIsAMalformedRequest() {
        Api admin = admin();
        Api.Response noBoundary = admin.send("POST", "/api/v1/catalog/import", "--x\r\n\r\nno boundary", "Content-Type",
                "multipart/form-data");
        Api.Response truncated = admin.send("POST", "/api/v1/catalog/import",
                "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\ntrunc", "Content-Type",
                "multipart/form-data; boundary=XX");
        for (Api.Response response : List.of(noBoundary, truncated)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void aNullArrayElementIsAnInvalidValueNamingItsPlaceAndCreatesNothing() {
        Api admin = admin();
        Dept department = newDepartment(admin, "空元素部门");
        String username = "n" + unique();
        Api.Response refused = admin.inLanguage("en").send("POST", "/api/v1/users", """
                {"username": "%s", "displayName": "x", "departmentId": %d, "roles": ["DATA_USER", null],
                 "initialPassword": "Initial-Pass-2026"}""".formatted(username, department.id()), "Content-Type",
                "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_VALUE");
        assertThat(refused.json().get("errors").get(0).get("location").asString()).isEqualTo("roles[1]");
        assertThat(refused.text("detail")).contains("roles[1]").contains("null");
        assertThat(admin.get("/api/v1/users?departmentId=" + department.id()).body()).doesNotContain(username);
    }

    @Test
    void aFieldLongerThanItsColumnIsRefusedAsTooLongAndCreatesNothing() {
        Api admin = admin();
        Dept department = newDepartment(admin, "超长字段部门");
        String name = "系统" + unique();
        Api.Response refused = admin.inLanguage("en").post("/api/v1/systems", Map.of("departmentId", department.id(),
                "name", name, "evaluation", Map.of("level", 3, "agency", "测".repeat(201))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("errors").get(0).get("location").asString()).isEqualTo("evaluation.agency");
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("FIELD_TOO_LONG");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("200");
        assertThat(admin.get("/api/v1/systems?departmentId=" + department.id()).body()).doesNotContain(name);
    }

    /** The safety net behind the requests' own limits, on the database's real refusal (H2, or PostgreSQL in CI). */
    @Test
    void theDatabasesValueTooLongIsAFieldTooLongProblem() {
        DataIntegrityViolationException tooLong = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> jdbc.sql("insert into region (division_code, name, level, created_at) "
                        + "values ('999999', ?, 'CITY', current_timestamp)").param("长".repeat(101)).update());
        assertThat(tooLong).isNotNull();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/regions");
        request.addHeader("Accept-Language", "en");

        ResponseEntity<ProblemDetail> answer = advice.refusedByDatabase(tooLong, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "FIELD_TOO_LONG");
        assertThat(answer.getBody().getDetail()).isEqualTo("A text value is longer than 100 characters.");
        assertThat(jdbc.sql("select count(*) from region where division_code = '999999'").query(Long.class).single())
                .isZero();
    }
}

package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Routing to two approvers in turn, under a custom profile (approver PROVIDER_THEN_AUTHORITY, 7 working days):
 * each stage has its own deadline, the authority decides only after the provider and only within what the
 * provider left, and the authority's own entries are answered once.
 */
@TestPropertySource(properties = "govdata.policy=src/test/resources/share/provider-then-authority.yml")
class ShareTwoStageApiTest extends ShareFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-two-stage-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    private static String path(long id) {
        return "/api/v1/share/applications/" + id;
    }

    @Test
    void theProviderAndThenTheAuthorityAnswerEachWithinSevenWorkingDays() {
        long id = submitted(entry("CONDITIONAL"));
        JsonNode submitted = civilUser.api().get(path(id)).json();
        assertThat(submitted.get("stages").get(0).asString()).isEqualTo("PROVIDER");
        assertThat(submitted.get("stages").get(1).asString()).isEqualTo("AUTHORITY");
        assertThat(submitted.get("stage").asString()).isEqualTo("PROVIDER");
        assertThat(submitted.get("dueOn").asString()).isEqualTo(calendar.dueAfter(today(), 7).due().toString());
        assertThat(authorityApprover.post(path(id) + "/approve", Map.of()).status()).as("not its turn yet")
                .isEqualTo(403);
        assertThat(byId(authorityApprover.get("/api/v1/share/inbox").json(), id)).isNull();

        Api.Response forwarded = policeApprover.post(path(id) + "/approve", Map.of("items", List.of("gmsfhm", "xzqh"),
                "ways", List.of("VERIFICATION"), "rateLimit", 5));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        assertThat(forwarded.text("status")).isEqualTo("PENDING");
        assertThat(forwarded.text("stage")).isEqualTo("AUTHORITY");
        assertThat(forwarded.json().get("grantIds")).as("no grant before the last stage").isEmpty();
        assertThat(forwarded.json().get("approved").get("items").size()).isEqualTo(2);
        assertThat(forwarded.text("dueOn")).isEqualTo(calendar.dueAfter(today(), 7).due().toString());
        assertThat(policeApprover.post(path(id) + "/approve", Map.of()).status()).as("its turn is over")
                .isEqualTo(403);
        JsonNode timeline = civilUser.api().get(path(id) + "/timeline").json();
        assertThat(types(timeline)).containsExactly("SUBMITTED", "ROUTED", "NARROWED", "ROUTED");
        assertThat(timeline.get(3).get("stage").asString()).isEqualTo("AUTHORITY");
        assertThat(timeline.get(3).get("detail").get("approverDepartmentId").asLong())
                .isEqualTo(authorityDepartmentId(admin));
        assertThat(byId(authorityApprover.get("/api/v1/share/inbox").json(), id)).isNotNull();

        Api.Response restore = authorityApprover.post(path(id) + "/approve", Map.of("items", List.of("xm")));
        assertThat(restore.code()).as("what the provider took away stays away").isEqualTo("SHARE_DECISION_INVALID");
        Api.Response approved = authorityApprover.post(path(id) + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        JsonNode grant = civilUser.api().get("/api/v1/share/grants/" + approved.json().get("grantIds").get(0).asLong())
                .json();
        assertThat(grant.get("approvedBy").asString()).isEqualTo(authorityApproverName);
        assertThat(grant.get("approvedByDepartmentId").asLong()).isEqualTo(authorityDepartmentId(admin));
        assertThat(grant.get("items").size()).isEqualTo(2);
        assertThat(grant.get("rateLimit").asInt()).as("the provider's limit carries over").isEqualTo(5);
        assertThat(types(civilUser.api().get(path(id) + "/timeline").json())).endsWith("APPROVED", "GRANT_ISSUED");
    }

    @Test
    void theAuthorityMayRefuseAtItsStageOnlyWithALegalBasis() {
        long id = submitted(entry("CONDITIONAL"));
        assertThat(policeApprover.post(path(id) + "/approve", Map.of()).status()).isEqualTo(200);
        Api.Response baseless = authorityApprover.post(path(id) + "/refuse", Map.of("reason", "不符合统筹要求"));
        assertThat(baseless.code()).isEqualTo("SHARE_DECISION_INVALID");
        Api.Response refused = authorityApprover.post(path(id) + "/refuse", refusal("不符合统筹要求",
                basis("阿坝州政务数据资源管理暂行办法", "第二十三条")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.text("status")).isEqualTo("REFUSED");
        assertThat(audit("share.application.refuse", id)).hasSize(1);
        JsonNode timeline = policeApprover.get(path(id) + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("stage").asString()).isEqualTo("AUTHORITY");
    }

    @Test
    void theAuthoritysOwnEntriesAreAnsweredOnceByTheAuthority() {
        long authorityId = authorityDepartmentId(admin);
        LoggedIn editor = newUser(admin, authorityId, Role.CATALOG_EDITOR);
        Api.Response drafted = draft(editor.api(), population("CONDITIONAL"));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long entry = drafted.id();
        assertThat(editor.api().post("/api/v1/catalog/entries/" + entry + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(reviewer.post("/api/v1/catalog/entries/" + entry + "/publish", Map.of()).status()).isEqualTo(200);
        long id = submitted(entry);
        JsonNode submitted = civilUser.api().get(path(id)).json();
        assertThat(submitted.get("stages").size()).isEqualTo(1);
        assertThat(submitted.get("stage").asString()).isEqualTo("PROVIDER");
        Api.Response approved = authorityApprover.post(path(id) + "/approve", Map.of());
        assertThat(approved.text("status")).isEqualTo("APPROVED");
    }
}

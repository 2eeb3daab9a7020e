package cn.govdata.share.objection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.share.ShareFixtures;
import cn.govdata.share.application.ShareReminders;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * Objections via the authority (TJ18: route AUTHORITY, checked "in time"): the authority forwards an objection to
 * the provider before the provider may check it; there is no due date and no extension.
 */
@TestPropertySource(properties = "govdata.policy=taijiang")
class ObjectionForwardingApiTest extends ShareFixtures {

    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-objection-route-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private static final String OBJECTIONS = "/api/v1/share/objections";
    private static final String ID = "37060219800101123" + checkCharacter("37060219800101123");

    @Autowired
    private ShareReminders reminders;

    private Api policeProvider;
    private long entryId;

    @BeforeEach
    void setUp() {
        setUpShare();
        policeProvider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        entryId = entry("CONDITIONAL");
        long application = submitted(entryId);
        // TJ17: the authority decides share applications
        Api.Response approved = authorityApprover.post("/api/v1/share/applications/" + application + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long datasetId = policeProvider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        Api.Response pushed = policeProvider.post("/api/v1/lake/datasets/" + datasetId + "/records", Map.of(
                "requestId", "load-" + unique(), "records",
                List.of(Map.of("gmsfhm", ID, "xm", "张三", "xzqh", "370602"))));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    }

    private static char checkCharacter(String first17) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    @Test
    void theAuthorityForwardsBeforeTheProviderChecksAndNothingIsDueOnADay() {
        Api.Response raised = civilUser.api().post(OBJECTIONS, Map.of("entryId", entryId, "keyValues",
                Map.of("gmsfhm", ID), "item", "xm", "proposedValue", "张叁", "description", "姓名有误"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        long id = raised.id();
        assertThat(raised.text("stage")).isEqualTo("AUTHORITY");
        assertThat(raised.json().has("dueOn")).isFalse();

        Api.Response early = policeProvider.post(OBJECTIONS + "/" + id + "/confirm", Map.of("reasons", "无误"));
        assertThat(early.code()).as("not yet forwarded").isEqualTo("OBJECTION_STATE");
        assertThat(policeProvider.post(OBJECTIONS + "/" + id + "/extension", Map.of("workingDays", 1, "reason", "x"))
                .code()).as("the provider has nothing to extend yet").isEqualTo("OBJECTION_STATE");

        Api.Response forwarded = authorityApprover.post(OBJECTIONS + "/" + id + "/forward", Map.of("note", "请核实"));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        assertThat(forwarded.text("stage")).isEqualTo("PROVIDER");
        assertThat(authorityApprover.post(OBJECTIONS + "/" + id + "/forward", Map.of()).code())
                .isEqualTo("OBJECTION_STATE");
        assertThat(policeProvider.post(OBJECTIONS + "/" + id + "/extension", Map.of("workingDays", 1, "reason", "x"))
                .code()).as("in time: no period to extend").isEqualTo("EXTENSION_NOT_ALLOWED");
        reminders.run(today());
        assertThat(policeProvider.get(OBJECTIONS + "/" + id).json().get("dueSoon").asBoolean()).isFalse();

        Api.Response corrected = policeProvider.post(OBJECTIONS + "/" + id + "/correct", Map.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(types(corrected.json().get("timeline"))).as("no due date: no reminder, never overdue")
                .containsExactly("RAISED", "FORWARDED", "CORRECTED");
        assertThat(Api.texts(audit("share.objection.forward", id), "outcome")).containsExactly("FAILURE", "SUCCESS");
    }
}

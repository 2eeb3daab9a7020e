package cn.govdata.share.objection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.GrantedDataFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What an objection shows of the stored data, at every exit — the raise's answer, the objection read, the lists of
 * each side, a correction and its event (issue #11): the raising department sees the value only as its current
 * grant lets it leave by query, masked as the grant masks it; under a grant for verification only, or once its grant
 * is revoked, no value at all and a plain statement why; the providing department sees its own data; the
 * authority's officers, who hold no grant, see none.
 */
class ObjectionValuesApiTest extends GrantedDataFixtures {

    private static final String OBJECTIONS = "/api/v1/share/objections";

    @BeforeEach
    void setUp() {
        // the bureau's grant allows verification and query of 姓名, masked to the surname (李*)
        setUpGrantedData();
    }

    private Map<String, Object> objection(String key, String item, String proposed) {
        Map<String, Object> objection = new LinkedHashMap<>();
        objection.put("entryId", entryId);
        objection.put("keyValues", Map.of("gmsfhm", key));
        objection.put("item", item);
        objection.put("proposedValue", proposed);
        objection.put("description", "户口簿记载的姓名与共享数据不一致");
        return objection;
    }

    private Api.Response raise() {
        Api.Response raised = civilUser.api().post(OBJECTIONS, objection(LI, "xm", "李思"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised;
    }

    private JsonNode listed(Api api, String side, long id) {
        Api.Response list = api.get(OBJECTIONS + "?side=" + side);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("李四");
        return byId(list.json(), id);
    }

    private void revokeTheGrant() {
        assertThat(policeApprover.post("/api/v1/share/grants/" + grantId + "/revoke", Map.of("reason", "专项检查"))
                .status()).isEqualTo(200);
    }

    /** No stored value, and the statement why, in the caller's language. */
    private static void withheld(JsonNode objection) {
        assertThat(objection.has("recordedValue")).as(objection.toString()).isFalse();
        assertThat(objection.get("recordedValueNote").asString()).contains("检索查询");
        assertThat(objection.toString()).doesNotContain("李四", "李*");
    }

    @Test
    void underAQueryGrantTheRaiserSeesTheStoredValueMaskedAsItsGrantMasksIt() {
        Api.Response raised = raise();
        long id = raised.id();
        assertThat(raised.text("recordedValue")).isEqualTo("李*");
        assertThat(raised.json().has("recordedValueNote")).isFalse();
        assertThat(raised.body()).doesNotContain("李四");

        Api.Response read = civilUser.api().get(OBJECTIONS + "/" + id);
        assertThat(read.text("recordedValue")).isEqualTo("李*");
        assertThat(read.body()).doesNotContain("李四");
        assertThat(listed(civilUser.api(), "RAISER", id).get("recordedValue").asString()).isEqualTo("李*");

        // the provider checks its own data; the authority's officers hold no grant and see none of it
        assertThat(policeProvider.get(OBJECTIONS + "/" + id).text("recordedValue")).isEqualTo("李四");
        assertThat(byId(policeProvider.get(OBJECTIONS + "?side=PROVIDER").json(), id).get("recordedValue").asString())
                .isEqualTo("李四");
        withheld(authorityApprover.get(OBJECTIONS + "/" + id).json());
        withheld(listed(authorityApprover, "AUTHORITY", id));
        assertThat(authorityApprover.inLanguage("en").get(OBJECTIONS + "/" + id).text("recordedValueNote"))
                .contains("verification only");
    }

    @Test
    void underAGrantForVerificationOnlyNoStoredValueIsShown() {
        revokeTheGrant();
        long verificationOnly = narrowedGrant(entryId, systemId, List.of("VERIFICATION"), Map.of());
        Api.Response raised = raise();
        assertThat(raised.json().get("grantId").asLong()).as("raised under the verification grant")
                .isEqualTo(verificationOnly);
        withheld(raised.json());
        long id = raised.id();
        withheld(civilUser.api().get(OBJECTIONS + "/" + id).json());
        withheld(listed(civilUser.api(), "RAISER", id));
        assertThat(policeProvider.get(OBJECTIONS + "/" + id).text("recordedValue")).isEqualTo("李四");
    }

    @Test
    void onceTheGrantIsRevokedNoStoredValueIsShownNotEvenTheCorrection() {
        long id = raise().id();
        revokeTheGrant();
        withheld(civilUser.api().get(OBJECTIONS + "/" + id).json());
        withheld(listed(civilUser.api(), "RAISER", id));

        // the provider corrects the record otherwise than proposed: the raiser learns neither the old nor the new value
        Api.Response corrected = policeProvider.post(OBJECTIONS + "/" + id + "/correct",
                Map.of("value", "李斯", "note", "核对户籍底册"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.text("correctedValue")).isEqualTo("李斯");
        assertThat(corrected.body()).contains("\"value\":\"李斯\"");
        JsonNode seen = civilUser.api().get(OBJECTIONS + "/" + id).json();
        withheld(seen);
        assertThat(seen.has("correctedValue")).isFalse();
        assertThat(seen.get("status").asString()).isEqualTo("CORRECTED");
        assertThat(seen.toString()).doesNotContain("李斯");
        assertThat(listed(civilUser.api(), "RAISER", id).toString()).doesNotContain("李斯");
    }

    @Test
    void aCorrectionIsShownToTheRaiserMaskedAsItsGrantMasksIt() {
        long id = raise().id();
        assertThat(policeProvider.post(OBJECTIONS + "/" + id + "/correct", Map.of()).status()).isEqualTo(200);
        JsonNode seen = civilUser.api().get(OBJECTIONS + "/" + id).json();
        assertThat(seen.get("recordedValue").asString()).isEqualTo("李*");
        assertThat(seen.get("correctedValue").asString()).as("the value it proposed, as it leaves now").isEqualTo("李*");
        JsonNode correction = seen.get("timeline").get(seen.get("timeline").size() - 1);
        assertThat(correction.get("type").asString()).isEqualTo("CORRECTED");
        assertThat(correction.get("detail").get("value").asString()).isEqualTo("李*");
        assertThat(seen.toString()).doesNotContain("李四");
    }
}

package cn.govdata.open.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.open.PublicFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A request for data that the department will open is fulfilled when its dataset is really opened through the
 * open-data console, and its requester told.
 */
class DemandFulfilmentApiTest extends PublicFixtures {

    @Autowired
    DemandFulfilment fulfilment;

    @BeforeEach
    void setUp() {
        setUpOpenData();
    }

    @Test
    void openingTheLinkedEntrysDataFulfilsTheRequestAndTellsTheRequester() {
        List<String> personal = new ArrayList<>();
        long entryId = publishedWithRecords(policeOffices(), officesCsv(5, personal));
        Holder citizen = newCitizen("刘一");
        Api.Response submitted = citizen.api().post("/api/v1/public/account/demands", Map.of("kind", "OPEN",
                "subject", "社区警务室信息", "description", "警务室名称和所在区县", "reason", "便民查询", "entryId", entryId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long id = submitted.id();
        assertThat(submitted.json().get("departmentId").asLong()).as("routed to the entry's department")
                .isEqualTo(police.department().id());
        assertThat(provider.post("/api/v1/open/demands/" + id + "/answer", Map.of("decision", "WILL_OPEN",
                "reasons", "本月内开放")).status()).isEqualTo(200);
        fulfilment.sweep();
        assertThat(citizen.api().get("/api/v1/public/account/demands/" + id).json().has("fulfilledAt"))
                .as("not open yet").isFalse();

        open(entryId, officeRules(), personal);
        fulfilment.sweep(); // (or the scheduled sweep did it already)
        JsonNode fulfilled = citizen.api().get("/api/v1/public/account/demands/" + id).json();
        assertThat(fulfilled.has("fulfilledAt")).isTrue();
        assertThat(Api.texts(fulfilled.get("timeline"), "type")).endsWith("FULFILLED");
        fulfilment.sweep();
        assertThat(Api.texts(citizen.api().get("/api/v1/public/account/notices").json(), "kind")).as("told once")
                .containsExactly("DEMAND_FULFILLED", "DEMAND_ANSWERED");
    }
}

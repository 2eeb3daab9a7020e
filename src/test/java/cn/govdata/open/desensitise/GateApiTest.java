package cn.govdata.open.desensitise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.open.OpenFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * No personal value leaves unmasked, whichever way open data is read (OPN-4): metadata, search, the preview and
 * {@code datastore_search} in every form, the dumps in every format. The officers' ID numbers (marked personal),
 * their mobiles and names (found by the scan, given rules) are looked for, as stored, in every answer.
 */
class GateApiTest extends OpenFixtures {

    private Opened opened;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        opened = openedOffices(40);
    }

    @Test
    void aPersonalValueNeverLeavesUnmaskedThroughAnyPath() {
        List<String> answers = new ArrayList<>();
        String rid = opened.resourceId();
        answers.add(anonymous.get("/api/3/action/package_show?id=" + opened.packageId()).body());
        answers.add(anonymous.get("/api/3/action/package_search?q=" + encode("警务室") + "&rows=1000").body());
        answers.add(anonymous.get("/api/3/action/resource_show?id=" + rid).body());
        answers.add(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&limit=1000").body());
        answers.add(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid
                + "&records_format=lists&fields=officer,phone,officer_id&offset=3&limit=7").body());
        answers.add(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&q=" + encode("139")).body());
        answers.add(anonymous.post("/api/action/datastore_search", Map.of("resource_id", rid,
                "q", Map.of("officer_id", "370602"), "limit", "50")).body());
        answers.add(anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&filters="
                + encode("{\"district\":\"芝罘区\"}")).body());
        for (String format : List.of("csv", "tsv", "json")) {
            Api.Download dump = anonymous.download("/datastore/dump/" + rid + "?format=" + format);
            assertThat(dump.status()).isEqualTo(200);
            answers.add(dump.text());
        }
        answers.add(anonymous.download("/datastore/dump/" + rid + "?fields=phone,officer_id&q=" + encode("福山区")).text());
        answers.add(anonymous.get("/api/v1/open/stats").body());
        answers.add(provider.get("/api/v1/open/datasets/" + opened.id()).body());

        assertThat(opened.personalValues()).hasSizeGreaterThan(80);
        for (String answer : answers) {
            assertThat(answer).isNotBlank();
            for (String value : opened.personalValues()) {
                assertThat(answer).as("a value as stored in an answer").doesNotContain(value);
            }
        }
        JsonNode record = ckan("datastore_search?resource_id=" + rid + "&limit=1").get("records").get(0);
        assertThat(record.get("phone").asString()).matches("139\\*{4}\\d{4}");
        assertThat(record.get("officer_id").asString()).matches("370602\\*{8}\\d{3}[\\dX]");
        assertThat(record.get("officer").asString()).matches("[王李张刘陈杨赵黄周吴]\\*+");
        assertThat(record.get("_id").asLong()).isPositive();
        assertThat(answers.get(10)).contains("\"records\":[").contains("139****");
    }

    @Test
    void storedValuesOfMaskedItemsCannotBeProbedBySearchOrFilter() {
        String rid = opened.resourceId();
        String phone = opened.personalValues().get(0);
        String idNumber = opened.personalValues().get(1);

        JsonNode byText = ckan("datastore_search?resource_id=" + rid + "&q=" + phone);
        assertThat(byText.get("total").asLong()).as("search looks at released values only").isZero();
        assertThat(ckan("datastore_search?resource_id=" + rid + "&q=" + idNumber).get("total").asLong()).isZero();

        Api.Response filtered = anonymous.get("/api/3/action/datastore_search?resource_id=" + rid + "&filters="
                + encode("{\"phone\":\"" + phone + "\"}"));
        assertThat(filtered.status()).isEqualTo(409);
        assertThat(filtered.json().get("error").get("__type").asString()).isEqualTo("Validation Error");
        assertThat(filtered.json().get("error").get("filters").get(0).asString()).contains("desensitised");
        assertThat(anonymous.download("/datastore/dump/" + rid + "?filters=" + encode("{\"officer_id\":\"" + idNumber
                + "\"}")).status()).isEqualTo(409);
    }
}

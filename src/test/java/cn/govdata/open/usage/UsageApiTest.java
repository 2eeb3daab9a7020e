package cn.govdata.open.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.open.OpenFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What the public does with open data is counted per dataset (views, downloads, API reads) and shown in its
 * metadata and in the portal's figures; each read and download of records is a use of data, in the audit log once
 * per request with its address and what was read, and without a value.
 */
class UsageApiTest extends OpenFixtures {

    private Opened opened;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        opened = openedOffices(6);
    }

    @Test
    void viewsDownloadsAndApiReadsAreCountedAndEveryReadOfRecordsIsAudited() {
        Map<String, String> before = counts();
        long downloadsBefore = anonymous.get("/api/v1/open/stats").json().get("downloads").asLong();
        ckan("datastore_search?resource_id=" + opened.resourceId() + "&limit=2");
        ckan("datastore_search?resource_id=" + opened.resourceId() + "&filters=" + encode("{\"district\":\"芝罘区\"}"));
        assertThat(anonymous.download("/datastore/dump/" + opened.resourceId()).status()).isEqualTo(200);

        Map<String, String> after = counts();
        assertThat(Long.parseLong(after.get("view_count"))).isEqualTo(Long.parseLong(before.get("view_count")) + 1);
        assertThat(after.get("api_call_count")).isEqualTo("2");
        assertThat(after.get("download_count")).isEqualTo("1");
        JsonNode stats = anonymous.get("/api/v1/open/stats").json();
        assertThat(stats.get("datasets").asLong()).isPositive();
        assertThat(stats.get("records").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(stats.get("departments").asLong()).isPositive();
        assertThat(stats.get("downloads").asLong()).isGreaterThanOrEqualTo(downloadsBefore);

        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        JsonNode uses = auditor.get("/api/v1/audit?action=open.data.&objectId=" + opened.packageId() + "&size=50").json();
        assertThat(uses.get("total").asInt()).as("one entry per request").isEqualTo(3);
        for (JsonNode use : uses.get("items")) {
            assertThat(use.get("actor").asString()).isEqualTo("anonymous");
            assertThat(use.get("clientAddress").asString()).isNotBlank();
            assertThat(use.get("detail").asString()).contains(opened.resourceCode());
            for (String value : opened.personalValues()) {
                assertThat(use.get("detail").asString()).doesNotContain(value);
            }
        }
        assertThat(uses.toString()).contains("open.data.read").contains("open.data.download").contains("district");
    }

    private Map<String, String> counts() {
        Map<String, String> extras = new java.util.LinkedHashMap<>();
        ckan("package_show?id=" + opened.packageId()).get("extras")
                .forEach(e -> extras.put(e.get("key").asString(), e.get("value").asString()));
        return extras;
    }
}

package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;

/**
 * Shared data under a grant: the police's conditional population register with three records (two in 芝罘区,
 * one in 福山区), loaded by the police's data provider, and a connected system of the civil affairs bureau; with
 * {@link #setUpGrantedData()} also a grant to the bureau applied for with four items, approved narrowed to three
 * items and the 芝罘区 records, for verification and query by that system and the bureau's data users.
 */
public abstract class GrantedDataFixtures extends ShareFixtures {

    protected static final String ZHANG = IdNumbers.of("370602", "19800101", "123");
    protected static final String LI = IdNumbers.of("370602", "19921231", "456");
    protected static final String WANG = IdNumbers.of("370611", "20010615", "789");

    protected long entryId;
    protected long grantId;
    /** The civil affairs bureau's connected system, with its access token. */
    protected Api system;
    protected long systemId;
    protected Api policeProvider;
    protected long datasetId;

    /** The population register with its three records, and the bureau's connected system; no grant yet. */
    protected void setUpData(String systemName) {
        setUpShare();
        entryId = entry("CONDITIONAL");
        policeProvider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        datasetId = policeProvider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        load("gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三,370602,芝罘区幸福路1号\n" + LI + ",李四,370602,芝罘区和平路2号\n"
                + WANG + ",王五,370611,福山区长安街3号\n");
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", civil.id(), "name", systemName));
        systemId = registered.id();
        system = connectedSystem(registered);
    }

    /** The data, and a grant for verification and query by the system: 5 requests a second, 1000 records a day. */
    protected void setUpGrantedData() {
        setUpData("救助核对系统");
        grantId = narrowedGrant(entryId, systemId, List.of("VERIFICATION", "QUERY"),
                Map.of("rateLimit", 5, "dailyQuota", 1000));
    }

    /**
     * A grant to the bureau for a system: applied for with four items and these ways, approved by the police's share
     * approver narrowed to three items (not the address) and the 芝罘区 records, with these limits (rateLimit,
     * dailyQuota; none: the platform's defaults).
     */
    protected long narrowedGrant(long entry, long forSystem, List<String> ways, Map<String, Object> limits) {
        Map<String, Object> application = application(entry);
        application.put("items", List.of("gmsfhm", "xm", "xzqh", "zz"));
        application.put("ways", ways);
        application.put("systems", List.of(forSystem));
        Api.Response drafted = civilUser.api().post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        attachAll(drafted.id());
        assertThat(civilUser.api().post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Map<String, Object> approval = new LinkedHashMap<>(limits);
        approval.put("items", List.of("gmsfhm", "xm", "xzqh"));
        approval.put("rowFilter", Map.of("conditions", List.of(Map.of("item", "xzqh", "op", "PREFIX", "values",
                List.of("370602")))));
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve", approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("grantIds").get(0).asLong();
    }

    /** Loads records into the register through the lake's API (a new version of those present). */
    protected void load(String csv) {
        Api.Response batch = policeProvider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "人口.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
    }

    protected Api.Response verify(Api api, String key, Map<String, String> claims) {
        return api.post("/api/v1/share/data/" + entryId + "/verification", Map.of("key", Map.of("gmsfhm", key),
                "claims", claims));
    }

    /** An exchange as the given caller, on whichever port it talks to; the body as text. */
    protected HttpResponse<String> exchange(Api api, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/share/data/" + entryId
                + "/exchange?" + query)).header("Authorization", "Bearer " + api.token()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected Api.Response query(Api api, Map<String, Object> request) {
        return api.post("/api/v1/share/data/" + entryId + "/query", request);
    }
}

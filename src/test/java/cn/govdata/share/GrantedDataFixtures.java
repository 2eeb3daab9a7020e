package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;

/**
 * Shared data under a grant: the police's conditional population register with three records (two in 芝罘区,
 * one in 福山区), and a grant to the civil affairs bureau applied for with four items, approved narrowed to
 * three items and the 芝罘区 records, for verification and query by its connected system and its data users.
 */
abstract class GrantedDataFixtures extends ShareFixtures {

    static final String ZHANG = IdNumbers.of("370602", "19800101", "123");
    static final String LI = IdNumbers.of("370602", "19921231", "456");
    static final String WANG = IdNumbers.of("370611", "20010615", "789");

    protected long entryId;
    protected long grantId;
    /** The civil affairs bureau's connected system named in the grant, with its access token. */
    protected Api system;
    protected long systemId;

    protected void setUpGrantedData() {
        setUpShare();
        entryId = entry("CONDITIONAL");
        Api provider = newUser(admin, police.department().id(), Role.DATA_PROVIDER).api();
        long datasetId = provider.post("/api/v1/lake/datasets", Map.of("entryId", entryId)).id();
        Api.Response batch = provider.upload("/api/v1/lake/datasets/" + datasetId + "/batches?wait=true", "file",
                "人口.csv", "text/csv", ("gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三,370602,芝罘区幸福路1号\n" + LI
                        + ",李四,370602,芝罘区和平路2号\n" + WANG + ",王五,370611,福山区长安街3号\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(batch.text("status")).as(batch.body()).isEqualTo("APPLIED");
        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", civil.id(), "name", "救助核对系统"));
        systemId = registered.id();
        system = connectedSystem(registered);

        Map<String, Object> application = application(entryId);
        application.put("items", List.of("gmsfhm", "xm", "xzqh", "zz"));
        application.put("systems", List.of(systemId));
        Api.Response drafted = civilUser.api().post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        attachAll(drafted.id());
        assertThat(civilUser.api().post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve", Map.of(
                "items", List.of("gmsfhm", "xm", "xzqh"),
                "rowFilter", Map.of("conditions", List.of(Map.of("item", "xzqh", "op", "PREFIX", "values", List.of("370602")))),
                "rateLimit", 5, "dailyQuota", 1000));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        grantId = approved.json().get("grantIds").get(0).asLong();
    }

    protected Api.Response verify(Api api, String key, Map<String, String> claims) {
        return api.post("/api/v1/share/data/" + entryId + "/verification", Map.of("key", Map.of("gmsfhm", key),
                "claims", claims));
    }

    protected Api.Response query(Api api, Map<String, Object> request) {
        return api.post("/api/v1/share/data/" + entryId + "/query", request);
    }
}

package cn.govdata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.shared.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

class AuditLogApiTest extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    GroupCommitAuditLog groupCommit;

    @Test
    void aStateChangeIsFoundInTheLogWithWhoWhereAndWhat() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "审计查询局");
        Api auditor = auditor(admin);
        Api.Response found = auditor.get("/api/v1/audit?action=department.create&objectType=department&objectId=" + dept.id());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        var item = found.json().get("items").get(0);
        assertThat(item.get("actor").asString()).isEqualTo("admin");
        assertThat(item.get("actorDepartmentId").asLong()).isEqualTo(authorityDepartmentId(admin));
        assertThat(item.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(item.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(item.get("detail").asString()).contains(dept.name());
    }

    @Test
    void entriesReadAsSentencesWithTheirObjectsByName() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "审计句子局");
        LoggedIn clerk = newUser(admin, dept.id(), cn.govdata.shared.Role.CATALOG_EDITOR);
        Api auditor = auditor(admin);
        String authority = admin.get("/api/v1/departments/" + authorityDepartmentId(admin)).text("name");

        var created = auditor.get("/api/v1/audit?action=department.create&objectType=department&objectId=" + dept.id())
                .json().get("items").get(0);
        assertThat(created.get("objectName").asString()).isEqualTo(dept.name());
        assertThat(created.get("summary").asString()).isEqualTo("admin（" + authority + "）：新建部门，部门“" + dept.name() + "”");
        var english = auditor.inLanguage("en").get("/api/v1/audit?action=department.create&objectType=department&objectId="
                + dept.id()).json().get("items").get(0);
        assertThat(english.get("summary").asString()).startsWith("admin (").contains("Department \u201c" + dept.name() + "\u201d");

        // a person by display name; a failure says so
        var user = auditor.get("/api/v1/audit?objectType=user&objectId=" + clerk.id()).json().get("items").get(0);
        assertThat(user.get("objectName").asString()).isNotBlank().isNotEqualTo(String.valueOf(clerk.id()));
        Api.Response refused = new Api(port).post("/api/v1/auth/login", java.util.Map.of("username", clerk.username(),
                "password", "wrong-" + unique()));
        assertThat(refused.status()).isEqualTo(401);
        var failed = auditor.get("/api/v1/audit?action=auth.login&outcome=FAILURE&actor=" + clerk.username()).json()
                .get("items").get(0);
        assertThat(failed.get("summary").asString()).endsWith("（未成功）");
    }

    @Test
    void failedLoginsAreRecordedToo() {
        String nobody = "ghost" + unique();
        anonymous.post("/api/v1/auth/login", Map.of("username", nobody, "password", "whatever-1"));
        Api.Response found = auditor(admin()).get("/api/v1/audit?action=auth.login&outcome=FAILURE&actor=" + nobody);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void onlyTheAuditAdministratorReadsTheLog() {
        Api admin = admin();
        Api.Response asSystemAdmin = admin.get("/api/v1/audit");
        assertThat(asSystemAdmin.status()).isEqualTo(403);
        assertThat(asSystemAdmin.code()).isEqualTo("FORBIDDEN");
        assertThat(admin.get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit/export").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit/public-key").body()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void badQueriesAreClearProblems() {
        Api auditor = auditor(admin());
        assertThat(auditor.get("/api/v1/audit?from=yesterday").code()).isEqualTo("INVALID_AUDIT_QUERY");
        assertThat(auditor.get("/api/v1/audit?from=2026-11-02&to=2026-11-01").code()).isEqualTo("INVALID_AUDIT_QUERY");
        assertThat(auditor.get("/api/v1/audit?size=100000").code()).isEqualTo("INVALID_AUDIT_QUERY");
        assertThat(auditor.get("/api/v1/audit?outcome=MAYBE").code()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void concurrentEntriesShareCommitsAndTheChainStaysIntact() throws Exception {
        double batchesBefore = groupCommit.batchCount();
        int threads = 32;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    audit.record(AuditEvent.success("test.concurrent", "test", thread + "-" + i, "并发"),
                            new AuditActor("tester", null, null));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double batches = groupCommit.batchCount() - batchesBefore;
        assertThat(batches).as("group commit").isLessThan(threads * perThread);
        Api auditor = auditor(admin());
        Api.Response verified = auditor.get("/api/v1/audit/verify");
        assertThat(verified.json().get("intact").asBoolean()).as(verified.body()).isTrue();
        assertThat(verified.json().get("entries").asLong()).isGreaterThanOrEqualTo(threads * perThread);
    }

    /**
     * Two writers on one database, as two nodes of a cluster: each chains from the head it last wrote, finds it moved
     * by the other, reads it again under its lock, and the log stays one unbroken chain.
     */
    @Test
    void twoNodesAppendingInTurnKeepOneChain(@Autowired DataSourceProperties dataSource,
            @Autowired AuditSigningKey key) throws Exception {
        GroupCommitAuditLog otherNode = new GroupCommitAuditLog(dataSource, key, new SimpleMeterRegistry(), 1000,
                false);
        otherNode.start();
        String run = unique();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AuditLog node = t % 2 == 0 ? audit : otherNode;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        node.record(AuditEvent.success("test.two-nodes", "test", run + "-" + thread + "-" + i, "两个节点"),
                                new AuditActor("tester", null, null));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
        } finally {
            otherNode.stop();
            otherNode.destroy();
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'test.two-nodes' and object_id like ?")
                .param(run + "-%").query(Long.class).single()).isEqualTo(200);
        Api.Response verified = auditor(admin()).get("/api/v1/audit/verify");
        assertThat(verified.json().get("intact").asBoolean()).as(verified.body()).isTrue();
        // and this node goes on from where the other left the head
        audit.record(AuditEvent.success("test.two-nodes", "test", run + "-after", "之后"), new AuditActor("tester", null, null));
        assertThat(auditor(admin()).get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRowChangedInTheDatabaseIsDetected() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "篡改检测局");
        Api auditor = auditor(admin);
        long id = auditor.get("/api/v1/audit?action=department.create&objectId=" + dept.id()).json().get("items").get(0)
                .get("id").asLong();
        String original = jdbc.sql("select detail from audit_entry where id = ?").param(id).query(String.class).single();
        jdbc.sql("update audit_entry set detail = ? where id = ?").params("篡改后的内容", id).update();
        try {
            Api.Response broken = auditor.get("/api/v1/audit/verify");
            assertThat(broken.json().get("intact").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBroken").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("update audit_entry set detail = ? where id = ?").params(original, id).update();
        }
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRemovedRowIsDetected() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "删除检测局");
        Api auditor = auditor(admin);
        long id = auditor.get("/api/v1/audit?action=department.create&objectId=" + dept.id()).json().get("items").get(0)
                .get("id").asLong();
        Map<String, Object> row = jdbc.sql("select * from audit_entry where id = ?").param(id).query().singleRow();
        jdbc.sql("delete from audit_entry where id = ?").param(id).update();
        try {
            Api.Response broken = auditor.get("/api/v1/audit/verify");
            assertThat(broken.json().get("intact").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBroken").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("""
                    insert into audit_entry (id, occurred_at, actor, actor_department_id, action, object_type, object_id,
                        outcome, client_address, purpose, grant_id, detail, prev_hash, hash)
                    values (:id, :occurred_at, :actor, :actor_department_id, :action, :object_type, :object_id,
                        :outcome, :client_address, :purpose, :grant_id, :detail, :prev_hash, :hash)""")
                    .params(row).update();
        }
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aForgedCheckpointSignatureIsDetected() {
        groupCommit.checkpoint();
        long checkpoint = jdbc.sql("select max(id) from audit_checkpoint").query(Long.class).single();
        String signature = jdbc.sql("select signature from audit_checkpoint where id = ?").param(checkpoint)
                .query(String.class).single();
        jdbc.sql("update audit_checkpoint set signature = ? where id = ?")
                .params(signature.substring(0, 8) + (signature.charAt(8) == 'A' ? 'B' : 'A') + signature.substring(9),
                        checkpoint)
                .update();
        try {
            Api.Response broken = auditor(admin()).get("/api/v1/audit/verify");
            assertThat(broken.json().get("intact").asBoolean()).isFalse();
            assertThat(broken.text("reason")).contains("signature");
        } finally {
            jdbc.sql("update audit_checkpoint set signature = ? where id = ?").params(signature, checkpoint).update();
        }
    }

    @Test
    void theExportIsCsvThatExcelReadsWithChineseCommasAndQuotes() {
        Api admin = admin();
        audit.record(AuditEvent.success("test.export", "test", unique(), "含逗号, 和 \"引号\" 的说明"),
                new AuditActor("导出测试", null, null));
        Api.Response csv = auditor(admin).get("/api/v1/audit/export?action=test.export");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFid,time,actor");
        assertThat(csv.body()).contains("\"含逗号, 和 \"\"引号\"\" 的说明\"").contains("导出测试");
    }

    @Test
    void personalValuesInADetailAreShownMaskedWhileTheStoredEntryKeepsThem() {
        Api auditor = auditor(admin());
        String object = unique();
        String detail = "key 370602198003121015, 手机 13812345678, card 6222021234567890123, mail zhang.san@example.gov.cn";
        audit.record(AuditEvent.success("test.masking", "test", object, detail), new AuditActor("tester", null, null));
        String shown = "key 370602********1015, 手机 138****5678, card 622202*********0123, mail z********@example.gov.cn";

        Api.Response found = auditor.get("/api/v1/audit?action=test.masking&objectId=" + object);
        assertThat(found.json().get("items").get(0).get("detail").asString()).isEqualTo(shown);
        Api.Response csv = auditor.get("/api/v1/audit/export?action=test.masking&objectId=" + object);
        assertThat(csv.body()).contains(shown).doesNotContain("370602198003121015").doesNotContain("13812345678")
                .doesNotContain("zhang.san");
        // the evidence is unchanged: the stored entry keeps the values and the chain still covers them
        assertThat(jdbc.sql("select detail from audit_entry where action = 'test.masking' and object_id = ?")
                .param(object).query(String.class).single()).isEqualTo(detail);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aLoginNameWrittenAsAFormulaIsExportedAsTextNotAsAFormula() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example\",\"" + unique() + "\")";
        anonymous.post("/api/v1/auth/login", Map.of("username", formula, "password", "whatever-1"));
        Api.Response csv = auditor(admin()).get("/api/v1/audit/export?action=auth.login&outcome=FAILURE&actor="
                + URLEncoder.encode(formula, StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords();
        assertThat(rows).extracting(row -> row.get("actor")).containsExactly("'" + formula);
    }

    @Test
    void everyVerificationSignsTheChainHead() {
        Api auditor = auditor(admin());
        String object = unique();
        audit.record(AuditEvent.success("test.signed-head", "test", object, "签名"), new AuditActor("tester", null, null));
        long id = jdbc.sql("select id from audit_entry where action = 'test.signed-head' and object_id = ?").param(object)
                .query(Long.class).single();
        assertThat(auditor.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
        assertThat(jdbc.sql("select max(entry_id) from audit_checkpoint").query(Long.class).single())
                .isGreaterThanOrEqualTo(id);
    }

    @org.springframework.beans.factory.annotation.Value("${govdata.data-dir}")
    private String dataDir;

    @Test
    void theCommandLineVerbReportsAnIntactLog() {
        admin();
        groupCommit.checkpoint();  // a signed checkpoint exists, so the verb checks a signature with the stored key
        // the verb runs as an operator would: same database, same data directory (and so the same public key)
        assertThat(cn.govdata.GovdataApplicationAccess.verify("--spring.profiles.active=test",
                "--govdata.data-dir=" + dataDir)).isZero();
    }

    private Api auditor(Api admin) {
        return newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
    }
}

package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.share.application.ShareReminders;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Sharing between departments through the HTTP API under the Yantai profile (the provider answers within 10
 * working days): the share catalog, unconditional requests, applications with their materials, decisions that
 * narrow or refuse, and the grants the data access interfaces will enforce.
 */
class ShareApiTest extends ShareFixtures {

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    private static String path(long id) {
        return "/api/v1/share/applications/" + id;
    }

    // --- the share catalog (SHR-1 … SHR-4) --------------------------------------------------------------------

    @Test
    void aDepartmentSeesTheShareCatalogWithWhatItMayUseNowAndHowToGetTheRest() {
        long open = entry("UNCONDITIONAL");
        long conditional = entry("CONDITIONAL");
        long closed = entry("NOT_SHARED");
        String catalog = "/api/v1/share/catalog?departmentId=" + police.department().id() + "&size=100";

        JsonNode page = civilUser.api().get(catalog).json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode items = page.get("items");
        assertThat(entry(items, open).get("availability").asString()).isEqualTo("AVAILABLE_ON_REQUEST");
        assertThat(entry(items, conditional).get("availability").asString()).isEqualTo("APPLICATION_REQUIRED");
        assertThat(entry(items, conditional).get("shareTypeName").asString()).isEqualTo("有条件共享");
        assertThat(entry(items, conditional).get("applicantMaterials").get(1).asString()).isEqualTo(MATERIALS.get(1));
        assertThat(entry(items, closed).get("availability").asString()).isEqualTo("COORDINATION_ONLY");
        assertThat(entry(items, closed).get("shareTypeName").asString()).isEqualTo("不予共享");
        JsonNode own = police.api().get(catalog).json().get("items");
        assertThat(entry(own, open).get("availability").asString()).isEqualTo("OWN");

        JsonNode onlyConditional = civilUser.api().get(catalog + "&shareType=CONDITIONAL").json();
        assertThat(onlyConditional.get("total").asLong()).isEqualTo(1);
        assertThat(civilUser.api().get(catalog + "&shareType=SOMETIMES").code()).isEqualTo("INVALID_VALUE");
        assertThat(civilUser.api().get("/api/v1/share/catalog?page=2000000000&size=100").code())
                .isEqualTo("INVALID_VALUE");

        // what the department holds and has applied for shows next to the entry
        Api.Response requested = civilUser.api().post("/api/v1/share/requests",
                Map.of("entryId", open, "purpose", "窗口受理时核验申请人身份", "ways", List.of("VERIFICATION")));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        long application = drafted(conditional);
        items = civilUser.api().get(catalog).json().get("items");
        assertThat(entry(items, open).get("availability").asString()).isEqualTo("IN_USE");
        assertThat(entry(items, open).get("usableNow").get(0).get("id").asLong()).isEqualTo(requested.id());
        assertThat(entry(items, conditional).get("availability").asString()).isEqualTo("APPLIED");
        assertThat(entry(items, conditional).get("openApplications").get(0).get("id").asLong()).isEqualTo(application);
        // another department sees nothing of the civil affairs bureau's grants and applications
        JsonNode strangers = stranger.get(catalog).json().get("items");
        assertThat(entry(strangers, open).get("availability").asString()).isEqualTo("AVAILABLE_ON_REQUEST");
        assertThat(entry(strangers, conditional).get("openApplications")).isEmpty();
    }

    private static JsonNode entry(JsonNode items, long entryId) {
        for (JsonNode item : items) {
            if (item.get("entryId").asLong() == entryId) {
                return item;
            }
        }
        throw new AssertionError("entry " + entryId + " not in " + items);
    }

    // --- unconditional data (SHR-1) ---------------------------------------------------------------------------

    @Test
    void unconditionalDataIsGrantedAtOnceOnARequestThatStatesItsPurpose() {
        long open = entry("UNCONDITIONAL");
        Api.Response refused = civilUser.api().inLanguage("en").post("/api/v1/share/requests", Map.of("entryId", open));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("SHARE_APPLICATION_INVALID");
        assertThat(locations(refused)).containsExactlyInAnyOrder("purpose", "ways");
        assertThat(Api.texts(refused.json().get("errors"), "message")).contains("purpose is required.");
        Api.Response chinese = civilUser.api().post("/api/v1/share/requests", Map.of("entryId", open));
        assertThat(Api.texts(chinese.json().get("errors"), "message")).anyMatch(m -> m.contains("用途"));

        assertThat(civilApprover.post("/api/v1/share/requests", Map.of("entryId", open, "purpose", "核验",
                "ways", List.of("QUERY"))).status()).as("only data users request").isEqualTo(403);

        Api.Response granted = civilUser.api().post("/api/v1/share/requests", Map.of("entryId", open, "purpose",
                "窗口受理时核验申请人身份", "ways", List.of("VERIFICATION"), "systems", List.of(civilSystem)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        JsonNode grant = granted.json();
        assertThat(grant.get("origin").asString()).isEqualTo("UNCONDITIONAL");
        assertThat(grant.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(grant.get("items").size()).as("no items named: all of them").isEqualTo(4);
        assertThat(grant.get("validFrom").asString()).isEqualTo(today().toString());
        assertThat(grant.get("validUntil")).isNull();
        assertThat(grant.get("approvedBy")).as("the catalog's publication approved it").isNull();
        assertThat(grant.get("approvedByDepartmentId").asLong()).isEqualTo(police.department().id());
        assertThat(grant.get("rateLimit").asInt()).isEqualTo(20);
        assertThat(grant.get("dailyQuota").asLong()).isEqualTo(100_000);
        long grantId = granted.id();

        AuthorizedUse use = shareGrants.authorize(civilActor(), open, WayOfUse.VERIFICATION, Set.of("xm"));
        assertThat(use.grantId()).isEqualTo(grantId);
        assertThat(use.items()).containsExactly("xm");
        assertThat(use.purpose()).isEqualTo("窗口受理时核验申请人身份");
        assertThat(shareGrants.authorize(civilSystemActor(civilSystem), open, WayOfUse.VERIFICATION, Set.of())
                .items()).hasSize(4);

        JsonNode issued = audit("share.grant.issue", grantId);
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).get("grantId").asString()).isEqualTo(Long.toString(grantId));
        assertThat(issued.get(0).get("purpose").asString()).isEqualTo("窗口受理时核验申请人身份");
        long applicationId = grant.get("applicationId").asLong();
        assertThat(types(civilUser.api().get(path(applicationId) + "/timeline").json()))
                .containsExactly("SUBMITTED", "GRANT_ISSUED");
        assertThat(policeApprover.get(path(applicationId)).text("status")).isEqualTo("APPROVED");

        Map<String, Object> request = Map.of("entryId", entry("CONDITIONAL"), "purpose", "核验", "ways", List.of("QUERY"));
        assertThat(civilUser.api().post("/api/v1/share/requests", request).code()).isEqualTo("SHARE_TYPE_MISMATCH");
        Api.Response notShared = civilUser.api().post("/api/v1/share/requests",
                Map.of("entryId", entry("NOT_SHARED"), "purpose", "核验", "ways", List.of("QUERY")));
        assertThat(notShared.status()).isEqualTo(409);
        assertThat(notShared.code()).isEqualTo("NOT_SHARED_NEEDS_COORDINATION");
        assertThat(civilUser.api().post("/api/v1/share/requests", Map.of("entryId", 987_654_321, "purpose", "核验",
                "ways", List.of("QUERY"))).status()).isEqualTo(404);
        Api policeUser = newUser(admin, police.department().id(), Role.DATA_USER).api();
        assertThat(policeUser.post("/api/v1/share/requests", Map.of("entryId", open, "purpose", "核验", "ways",
                List.of("QUERY"))).code()).isEqualTo("OWN_DEPARTMENT_ENTRY");
    }

    // --- applications (SHR-2, SHR-3) --------------------------------------------------------------------------

    @Test
    void anApplicationStatesPurposeScopeAndPeriodAndEveryProblemIsReportedAtOnce() {
        long conditional = entry("CONDITIONAL");
        Map<String, Object> incomplete = application(conditional);
        incomplete.remove("purpose");
        incomplete.remove("periodFrom");
        incomplete.remove("periodTo");
        ((List<String>) incomplete.get("items")).add("hyzk");
        ((List<Long>) incomplete.get("systems")).add(strangerSystem);
        Api.Response refused = civilUser.api().post("/api/v1/share/applications", incomplete);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("SHARE_APPLICATION_INVALID");
        assertThat(locations(refused)).containsExactlyInAnyOrder("purpose", "periodFrom", "periodTo", "items[3]",
                "systems[1]");
        assertThat(refused.json().get("detail").asString()).contains("5");
        List<String> messages = Api.texts(refused.json().get("errors"), "message");
        assertThat(messages).anyMatch(m -> m.startsWith("用途"));
        assertThat(messages).anyMatch(m -> m.startsWith("使用期限起始日"));
        assertThat(messages).anyMatch(m -> m.contains("hyzk"));
        List<String> english = Api.texts(civilUser.api().inLanguage("en")
                .post("/api/v1/share/applications", incomplete).json().get("errors"), "message");
        assertThat(english).contains("purpose is required.", "start of the period of use is required.",
                "The catalog entry has no data item hyzk.");

        Api.Response notShared = civilUser.api().post("/api/v1/share/applications", application(entry("NOT_SHARED")));
        assertThat(notShared.status()).isEqualTo(409);
        assertThat(notShared.code()).isEqualTo("NOT_SHARED_NEEDS_COORDINATION");
        assertThat(notShared.json().get("detail").asString()).contains("不予共享", "协调");
        assertThat(civilUser.api().post("/api/v1/share/applications", application(987_654_321)).status())
                .isEqualTo(404);
        assertThat(civilUser.api().post("/api/v1/share/applications", application(entry("UNCONDITIONAL"))).code())
                .isEqualTo("SHARE_TYPE_MISMATCH");
        Map<String, Object> noEntry = application(conditional);
        noEntry.remove("entryId");
        assertThat(locations(civilUser.api().post("/api/v1/share/applications", noEntry))).containsExactly("entryId");

        long id = drafted(conditional);
        JsonNode draft = civilUser.api().get(path(id)).json();
        assertThat(draft.get("materials").get(0).get("name").asString()).isEqualTo(MATERIALS.get(0));
        assertThat(draft.get("materials").get(0).get("attachments").asInt()).isZero();
        assertThat(draft.get("dueOn")).as("no deadline before submission").isNull();
        assertThat(policeApprover.get(path(id)).status()).as("the provider does not see drafts").isEqualTo(404);
        Api.Response unfinished = civilUser.api().post(path(id) + "/submit", Map.of());
        assertThat(unfinished.code()).isEqualTo("SHARE_APPLICATION_INVALID");
        assertThat(locations(unfinished)).containsExactly("materials[0]", "materials[1]");
        assertThat(Api.texts(unfinished.json().get("errors"), "code")).containsOnly("MATERIAL_MISSING");

        Map<String, Object> changed = application(conditional);
        changed.put("items", List.of("xm"));
        Api.Response updated = civilUser.api().put(path(id), changed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("requested").get("items").size()).isEqualTo(1);
        assertThat(updated.json().get("requested").get("items").get(0).asString()).isEqualTo("xm");
        assertThat(stranger.put(path(id), changed).status()).isEqualTo(404);
    }

    @Test
    void materialsArePdfOfdOrImagesWithinTheSizeLimitAndOnlyThePartiesSeeThem() throws Exception {
        long id = drafted(entry("CONDITIONAL"));
        Api user = civilUser.api();
        Api.Response text = attach(user, id, "0", "申请函.pdf", "application/pdf", "just text".getBytes());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("ATTACHMENT_TYPE_REFUSED");
        assertThat(attach(user, id, "0", "申请函.pdf", "application/pdf", png()).code())
                .as("content and name disagree").isEqualTo("ATTACHMENT_TYPE_REFUSED");
        assertThat(attach(user, id, "0", "申请函.pdf", "image/png", pdf("x")).code())
                .as("declared type and content disagree").isEqualTo("ATTACHMENT_TYPE_REFUSED");
        assertThat(attach(user, id, "0", "申请函.exe", "application/octet-stream", pdf("x")).code())
                .isEqualTo("ATTACHMENT_TYPE_REFUSED");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf("large"), 0, large, 0, 20);
        Api.Response tooLarge = attach(user, id, "0", "申请函.pdf", "application/pdf", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("ATTACHMENT_TOO_LARGE");
        assertThat(tooLarge.json().get("detail").asString()).contains("10 MB");
        Api.Response unknown = attach(user, id, "身份证复印件", "a.pdf", "application/pdf", pdf("x"));
        assertThat(unknown.code()).isEqualTo("UNKNOWN_MATERIAL");
        assertThat(unknown.json().get("detail").asString()).contains(MATERIALS.get(0));
        assertThat(attach(stranger, id, "0", "a.pdf", "application/pdf", pdf("x")).status()).isEqualTo(404);
        assertThat(attach(civilApprover, id, "0", "a.pdf", "application/pdf", pdf("x")).status()).isEqualTo(403);
        assertThat(user.get(path(id) + "/attachments").json()).as("nothing refused was kept").isEmpty();

        byte[] letter = pdf("共享申请函");
        Api.Response byName = attach(user, id, MATERIALS.get(0), "申请函.pdf", "application/pdf", letter);
        assertThat(byName.status()).as(byName.body()).isEqualTo(201);
        assertThat(byName.text("material")).isEqualTo(MATERIALS.get(0));
        assertThat(byName.text("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(letter)));
        Api.Response byIndex = attach(user, id, "1", "承诺书.png", "image/png", png());
        assertThat(byIndex.status()).as(byIndex.body()).isEqualTo(201);
        assertThat(byIndex.text("contentType")).isEqualTo("image/png");
        Api.Response extra = attach(user, id, "1", "承诺书副本.pdf", "application/pdf", pdf("copy"));
        assertThat(user.delete(path(id) + "/attachments/" + extra.id()).status()).isEqualTo(204);
        assertThat(user.get(path(id) + "/attachments").json()).hasSize(2);

        assertThat(policeApprover.get(path(id) + "/attachments").status()).as("not before submission").isEqualTo(404);
        assertThat(user.post(path(id) + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(attach(user, id, "1", "b.pdf", "application/pdf", pdf("late")).code()).isEqualTo("APPLICATION_STATE");

        Api.Download download = policeApprover.download(path(id) + "/attachments/" + byName.id());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(letter);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.contentDisposition()).contains("attachment", "filename*=UTF-8''");
        assertThat(authorityApprover.download(path(id) + "/attachments/" + byName.id()).status()).isEqualTo(200);
        assertThat(stranger.download(path(id) + "/attachments/" + byName.id()).status()).isEqualTo(404);
        assertThat(stranger.get(path(id) + "/attachments").status()).isEqualTo(404);
        assertThat(audit("share.attachment.read", id)).hasSizeGreaterThanOrEqualTo(2);
    }

    // --- decisions (SHR-2, SHR-3) -----------------------------------------------------------------------------

    @Test
    void theProviderAnswersWithinTenWorkingDaysAndMayOnlyNarrowWhatWasAppliedFor() {
        long entry = entry("CONDITIONAL");
        long id = submitted(entry);
        JsonNode pending = civilUser.api().get(path(id)).json();
        assertThat(pending.get("stage").asString()).isEqualTo("PROVIDER");
        assertThat(pending.get("dueOn").asString()).isEqualTo(calendar.dueAfter(today(), 10).due().toString());
        JsonNode timeline = policeApprover.get(path(id) + "/timeline").json();
        assertThat(types(timeline)).containsExactly("SUBMITTED", "ROUTED");
        assertThat(timeline.get(1).get("detail").get("approverDepartmentId").asLong())
                .isEqualTo(police.department().id());
        assertThat(byId(policeApprover.get("/api/v1/share/inbox").json(), id)).isNotNull();
        assertThat(byId(policeApprover.get("/api/v1/share/applications?side=PROVIDER").json(), id)).isNotNull();

        String approve = path(id) + "/approve";
        assertThat(stranger.post(approve, Map.of()).status()).as("another department: not visible").isEqualTo(404);
        assertThat(civilApprover.post(approve, Map.of()).status()).as("the applicant's own approver").isEqualTo(403);
        assertThat(authorityApprover.post(approve, Map.of()).status()).as("not the authority's turn").isEqualTo(403);
        assertThat(police.api().post(approve, Map.of()).status()).as("the provider's editor").isEqualTo(403);

        Api.Response wider = policeApprover.post(approve, Map.of("items", List.of("gmsfhm", "zz"), "periodTo",
                today().plusDays(400).toString(), "ways", List.of("EXCHANGE")));
        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.code()).isEqualTo("SHARE_DECISION_INVALID");
        assertThat(locations(wider)).containsExactlyInAnyOrder("items[1]", "periodTo", "ways[0]");
        assertThat(Api.texts(wider.json().get("errors"), "code")).containsOnly("NOT_A_NARROWING");
        assertThat(Api.texts(wider.json().get("errors"), "message")).anyMatch(m -> m.contains("zz"));

        Map<String, Object> narrowing = Map.of("items", List.of("xzqh", "gmsfhm"),
                "rowFilter", Map.of("conditions", List.of(Map.of("item", "xzqh", "op", "PREFIX",
                        "values", List.of("370602")))),
                "periodTo", today().plusDays(90).toString(), "ways", List.of("VERIFICATION"), "rateLimit", 2,
                "dailyQuota", 100, "comment", "仅限芝罘区，仅比对验证");
        Api.Response approved = policeApprover.post(approve, narrowing);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.json().get("approved").get("items").size()).isEqualTo(2);
        assertThat(approved.json().get("requested").get("items").size()).as("what was applied for stays").isEqualTo(3);
        assertThat(policeApprover.post(approve, Map.of()).code()).isEqualTo("ALREADY_DECIDED");
        assertThat(policeApprover.post(path(id) + "/refuse", refusal("晚了", basis("某法", "第一条"))).code())
                .isEqualTo("ALREADY_DECIDED");

        JsonNode events = civilUser.api().get(path(id) + "/timeline").json();
        assertThat(types(events)).containsExactly("SUBMITTED", "ROUTED", "NARROWED", "GRANT_ISSUED");
        JsonNode narrowed = events.get(2).get("detail");
        assertThat(narrowed.get("itemsRemoved").get(0).asString()).isEqualTo("xm");
        assertThat(narrowed.get("waysRemoved").get(0).asString()).isEqualTo("QUERY");
        assertThat(narrowed.get("comment").asString()).isEqualTo("仅限芝罘区，仅比对验证");
        assertThat(audit("share.application.approve", id)).hasSize(1);

        long grantId = approved.json().get("grantIds").get(0).asLong();
        JsonNode grant = civilUser.api().get("/api/v1/share/grants/" + grantId).json();
        assertThat(grant.get("items").size()).isEqualTo(2);
        assertThat(grant.get("items").get(0).asString()).isEqualTo("gmsfhm");
        assertThat(grant.get("items").get(1).asString()).isEqualTo("xzqh");
        assertThat(grant.get("ways").size()).isEqualTo(1);
        assertThat(grant.get("validUntil").asString()).isEqualTo(today().plusDays(90).toString());
        assertThat(grant.get("purpose").asString()).isEqualTo("核查最低生活保障申请人的身份和户籍");
        assertThat(grant.get("approvedByDepartmentId").asLong()).isEqualTo(police.department().id());
        assertThat(grant.get("approvedBy").asString()).isNotBlank();
        assertThat(grant.get("rowFilter").get("conditions").get(0).get("op").asString()).isEqualTo("PREFIX");
        assertThat(policeApprover.get("/api/v1/share/grants/" + grantId).status()).isEqualTo(200);
        assertThat(stranger.get("/api/v1/share/grants/" + grantId).status()).isEqualTo(404);

        // the next part's interfaces authorise every use against the grant
        AuthorizedUse use = shareGrants.authorize(civilActor(), entry, WayOfUse.VERIFICATION, Set.of("gmsfhm"));
        assertThat(use.grantId()).isEqualTo(grantId);
        assertThat(use.rowFilter().matches(Map.of("xzqh", "370602001"))).isTrue();
        assertThat(use.rowFilter().matches(Map.of("xzqh", "370611001"))).isFalse();
        assertThat(use.approvedBy()).isEqualTo(grant.get("approvedBy").asString());
        assertThat(refusal(() -> shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of("gmsfhm"))))
                .isEqualTo(ProblemCode.GRANT_DOES_NOT_COVER);
        assertThat(refusal(() -> shareGrants.authorize(civilActor(), entry, WayOfUse.VERIFICATION, Set.of("xm"))))
                .as("an item narrowed away").isEqualTo(ProblemCode.GRANT_DOES_NOT_COVER);
        assertThat(shareGrants.authorize(civilSystemActor(civilSystem), entry, WayOfUse.VERIFICATION, Set.of()).items())
                .containsExactly("gmsfhm", "xzqh");
        assertThat(refusal(() -> shareGrants.authorize(civilSystemActor(otherCivilSystem), entry,
                WayOfUse.VERIFICATION, Set.of()))).isEqualTo(ProblemCode.GRANT_NOT_FOR_CALLER);
        Actor strangerActor = new Actor(Actor.Kind.USER, 1, "x", strangerDepartment.id(), civil.regionId(), false,
                Set.of(Role.DATA_USER));
        assertThat(refusal(() -> shareGrants.authorize(strangerActor, entry, WayOfUse.VERIFICATION, Set.of())))
                .isEqualTo(ProblemCode.NO_GRANT);
        JsonNode refusedUses = audit("share.authorize", entry);
        assertThat(refusedUses).hasSize(4);
        assertThat(Api.texts(refusedUses, "outcome")).containsOnly("FAILURE");

        // the daily quota (100 records) and the rate limit (2 per second)
        assertThat(shareGrants.consume(grantId, 60)).isEqualTo(40);
        DomainException exhausted = catchThrowableOfType(DomainException.class, () -> shareGrants.consume(grantId, 41));
        assertThat(exhausted.code()).isEqualTo(ProblemCode.QUOTA_EXHAUSTED);
        assertThat(exhausted.code().status().value()).isEqualTo(429);
        assertThat(shareGrants.consume(grantId, 40)).isZero();
        assertThat(civilUser.api().get("/api/v1/share/grants/" + grantId).json().get("usedToday").asLong())
                .isEqualTo(100);
        assertThat(rateLimitHolds(grantId, 2)).isTrue();
    }

    /** Within one second the third request is refused; tried again if the second turned meanwhile. */
    private boolean rateLimitHolds(long grantId, int limit) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long second = System.currentTimeMillis() / 1000;
            try {
                for (int i = 0; i <= limit; i++) {
                    shareGrants.acquire(grantId);
                }
            } catch (DomainException e) {
                assertThat(e.code()).isEqualTo(ProblemCode.RATE_LIMITED);
                if (System.currentTimeMillis() / 1000 == second) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ProblemCode refusal(Runnable call) {
        DomainException refused = catchThrowableOfType(DomainException.class, call::run);
        assertThat(refused).as("expected a refusal").isNotNull();
        return refused.code();
    }

    @Test
    void aRefusalNeedsAReasonAndALegalBasisAndIsAudited() {
        long id = submitted(entry("CONDITIONAL"));
        String refuse = path(id) + "/refuse";
        Api.Response bare = policeApprover.post(refuse, Map.of());
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.code()).isEqualTo("SHARE_DECISION_INVALID");
        assertThat(locations(bare)).containsExactlyInAnyOrder("reason", "basis");
        Api.Response noBasis = policeApprover.post(refuse, Map.of("reason", "超出履职所需范围"));
        assertThat(Api.texts(noBasis.json().get("errors"), "code")).containsExactly("REFUSAL_NEEDS_BASIS");
        assertThat(Api.texts(noBasis.json().get("errors"), "message").getFirst()).contains("法律依据");
        Api.Response noArticle = policeApprover.post(refuse,
                refusal("超出履职所需范围", Map.of("kind", "LAW", "title", "中华人民共和国个人信息保护法")));
        assertThat(Api.texts(noArticle.json().get("errors"), "code")).containsExactly("REFUSAL_NEEDS_BASIS");
        assertThat(civilUser.api().get(path(id)).text("status")).as("nothing was decided").isEqualTo("PENDING");
        assertThat(stranger.post(refuse, refusal("x", basis("某法", "第一条"))).status()).isEqualTo(404);

        Api.Response refused = policeApprover.post(refuse, refusal("住址属个人敏感信息，超出低保审核所需范围",
                basis("中华人民共和国个人信息保护法", "第六条")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode application = civilUser.api().get(path(id)).json();
        assertThat(application.get("status").asString()).isEqualTo("REFUSED");
        assertThat(application.get("refusal").get("reason").asString()).startsWith("住址属个人敏感信息");
        assertThat(application.get("refusal").get("basis").get("article").asString()).isEqualTo("第六条");
        assertThat(application.get("grantIds")).isEmpty();
        JsonNode timeline = civilUser.api().get(path(id) + "/timeline").json();
        assertThat(types(timeline)).endsWith("REFUSED");
        assertThat(timeline.get(timeline.size() - 1).get("detail").get("basis").get("title").asString())
                .isEqualTo("中华人民共和国个人信息保护法");
        JsonNode audited = audit("share.application.refuse", id);
        assertThat(audited).as("the decision, not the attempts without basis").hasSize(1);
        assertThat(audited.get(0).get("detail").asString()).contains("中华人民共和国个人信息保护法", "第六条");
        assertThat(policeApprover.post(path(id) + "/approve", Map.of()).code()).isEqualTo("ALREADY_DECIDED");
    }

    // --- coordination (NX11, SHR-4) ---------------------------------------------------------------------------

    @Test
    void refusedAndNotSharedDataTheDepartmentNeedsGoToTheAuthoritysCoordination() {
        long id = submitted(entry("CONDITIONAL"));
        assertThat(civilUser.api().post(path(id) + "/coordination", Map.of("negotiation", "x")).code())
                .as("only a refused application").isEqualTo("APPLICATION_STATE");
        assertThat(policeApprover.post(path(id) + "/refuse", refusal("暂无共享条件", basis("某市政务数据管理办法", "第九条")))
                .status()).isEqualTo(200);
        assertThat(policeApprover.post(path(id) + "/coordination", Map.of("negotiation", "x")).status())
                .isEqualTo(403);
        Api.Response silent = civilUser.api().post(path(id) + "/coordination", Map.of());
        assertThat(locations(silent)).containsExactly("negotiation");
        Api.Response requested = civilUser.api().post(path(id) + "/coordination",
                Map.of("negotiation", "3月2日与公安局电话协商，对方坚持不予共享"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.text("status")).isEqualTo("COORDINATION");
        assertThat(requested.text("stage")).isEqualTo("AUTHORITY");
        assertThat(civilUser.api().post(path(id) + "/coordination", Map.of("negotiation", "again")).code())
                .isEqualTo("APPLICATION_STATE");
        assertThat(byId(authorityApprover.get("/api/v1/share/inbox").json(), id)).isNotNull();
        assertThat(byId(policeApprover.get("/api/v1/share/inbox").json(), id)).isNull();

        String notes = path(id) + "/coordination/notes";
        assertThat(policeApprover.post(notes, Map.of("note", "x")).status()).isEqualTo(403);
        assertThat(stranger.post(notes, Map.of("note", "x")).status()).isEqualTo(404);
        assertThat(authorityApprover.post(notes, Map.of()).code()).isEqualTo("SHARE_DECISION_INVALID");
        assertThat(authorityApprover.post(notes, Map.of("note", "3月9日召集两局会商：限定身份和区划两项，仅比对验证"))
                .status()).isEqualTo(200);
        assertThat(types(policeApprover.get(path(id) + "/timeline").json())).contains("COORDINATION_REQUESTED",
                "COORDINATION_NOTE");

        String decide = path(id) + "/coordination/decide";
        assertThat(policeApprover.post(decide, Map.of("outcome", "GRANT")).status()).isEqualTo(403);
        assertThat(locations(authorityApprover.post(decide, Map.of("outcome", "MAYBE")))).containsExactly("outcome");
        assertThat(locations(authorityApprover.post(decide, Map.of("outcome", "GRANT", "items", List.of("zz")))))
                .containsExactly("items[0]");
        Api.Response granted = authorityApprover.post(decide, Map.of("outcome", "GRANT", "items",
                List.of("gmsfhm", "xzqh"), "ways", List.of("VERIFICATION"), "reason", "会商一致"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.text("status")).isEqualTo("APPROVED");
        assertThat(granted.json().get("coordinated").asBoolean()).isTrue();
        JsonNode grant = civilUser.api().get("/api/v1/share/grants/" + granted.json().get("grantIds").get(0).asLong())
                .json();
        assertThat(grant.get("origin").asString()).isEqualTo("COORDINATION");
        assertThat(grant.get("approvedBy").asString()).isEqualTo(authorityApproverName);
        assertThat(types(civilUser.api().get(path(id) + "/timeline").json())).endsWith("COORDINATED", "GRANT_ISSUED");
        assertThat(audit("share.coordination.grant", id)).hasSize(1);

        // not-shared data: no application, only coordination
        long closed = entry("NOT_SHARED");
        Map<String, Object> need = application(closed);
        assertThat(civilUser.api().post("/api/v1/share/coordinations", need).code()).isEqualTo(
                "SHARE_APPLICATION_INVALID");
        need.put("negotiation", "与公安局协商未果");
        Map<String, Object> conditionalNeed = application(entry("CONDITIONAL"));
        conditionalNeed.put("negotiation", "x");
        assertThat(civilUser.api().post("/api/v1/share/coordinations", conditionalNeed).code())
                .isEqualTo("SHARE_TYPE_MISMATCH");
        Api.Response opened = civilUser.api().post("/api/v1/share/coordinations", need);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.text("status")).isEqualTo("COORDINATION");
        assertThat(opened.text("shareType")).isEqualTo("NOT_SHARED");
        long coordination = opened.id();
        String decideClosed = path(coordination) + "/coordination/decide";
        Api.Response baseless = authorityApprover.post(decideClosed, Map.of("outcome", "REFUSE", "reason", "不宜共享"));
        assertThat(Api.texts(baseless.json().get("errors"), "code")).containsExactly("REFUSAL_NEEDS_BASIS");
        Api.Response closedForGood = authorityApprover.post(decideClosed, Map.of("outcome", "REFUSE", "reason",
                "属于侦查信息", "basis", basis("中华人民共和国刑事诉讼法", "第一百五十二条")));
        assertThat(closedForGood.status()).as(closedForGood.body()).isEqualTo(200);
        assertThat(closedForGood.text("status")).isEqualTo("REFUSED");
        assertThat(closedForGood.json().get("coordinated").asBoolean()).isTrue();
        assertThat(audit("share.coordination.refuse", coordination).get(0).get("detail").asString())
                .contains("第一百五十二条");
        assertThat(civilUser.api().post(path(coordination) + "/coordination", Map.of("negotiation", "再议")).code())
                .as("coordination is the last word").isEqualTo("APPLICATION_STATE");
    }

    // --- grants -----------------------------------------------------------------------------------------------

    @Test
    void grantsAreRevokedAtOnceExpireByThemselvesAndAreRenewedByANewApplication() {
        long entry = entry("CONDITIONAL");
        long grantId = granted(entry);
        String revoke = "/api/v1/share/grants/" + grantId + "/revoke";
        assertThat(civilUser.api().post(revoke, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(stranger.post(revoke, Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(locations(policeApprover.post(revoke, Map.of()))).containsExactly("reason");
        Api.Response revoked = policeApprover.post(revoke, Map.of("reason", "发现超范围使用"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        assertThat(revoked.text("revokeReason")).isEqualTo("发现超范围使用");
        assertThat(policeApprover.post(revoke, Map.of("reason", "again")).code()).isEqualTo("GRANT_STATE");
        assertThat(refusal(() -> shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of())))
                .isEqualTo(ProblemCode.GRANT_REVOKED);
        assertThat(byId(policeApprover.get("/api/v1/share/grants?side=PROVIDER&status=REVOKED").json(), grantId))
                .isNotNull();
        assertThat(byId(civilUser.api().get("/api/v1/share/grants?status=ACTIVE").json(), grantId)).isNull();
        long applicationId = revoked.json().get("applicationId").asLong();
        assertThat(types(civilUser.api().get(path(applicationId) + "/timeline").json())).endsWith("GRANT_REVOKED");
        assertThat(audit("share.grant.revoke", grantId)).hasSize(1);
        assertThat(audit("share.authorize", entry).get(0).get("grantId").asString()).isEqualTo(Long.toString(grantId));
        // a refused use is audited even when the caller's transaction rolls back
        int before = audit("share.authorize", entry).size();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(refusal(() -> shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of())))
                    .isEqualTo(ProblemCode.GRANT_REVOKED);
            status.setRollbackOnly();
        });
        JsonNode refusedUses = audit("share.authorize", entry);
        assertThat(refusedUses).hasSize(before + 1);
        assertThat(refusedUses.get(0).get("actor").asString()).isEqualTo(civilUser.username());

        // the authority may revoke too
        long another = granted(entry("CONDITIONAL"));
        assertThat(authorityApprover.post("/api/v1/share/grants/" + another + "/revoke", Map.of("reason", "专项检查"))
                .text("status")).isEqualTo("REVOKED");

        // a grant past its last day is expired: refused at use, listed as expired, noted once in the timeline
        long expiring = granted(entry);
        jdbc.sql("update share_grant set valid_from = ?, valid_until = ? where id = ?")
                .params(today().minusDays(30), today().minusDays(1), expiring).update();
        shareGrants.forget(civilActor().departmentId(), entry);  // changed behind the platform's back
        assertThat(refusal(() -> shareGrants.authorize(civilActor(), entry, WayOfUse.QUERY, Set.of())))
                .isEqualTo(ProblemCode.GRANT_EXPIRED);
        assertThat(byId(civilUser.api().get("/api/v1/share/grants?status=EXPIRED").json(), expiring)).isNotNull();
        assertThat(civilUser.api().get("/api/v1/share/grants/" + expiring).text("status")).isEqualTo("EXPIRED");
        assertThat(civilUser.api().get("/api/v1/share/grants?status=NEVER").code()).isEqualTo("INVALID_VALUE");
        reminders.run(today());
        reminders.run(today());
        long expiredApplication = civilUser.api().get("/api/v1/share/grants/" + expiring).json().get("applicationId")
                .asLong();
        assertThat(types(civilUser.api().get(path(expiredApplication) + "/timeline").json()))
                .filteredOn("GRANT_EXPIRED"::equals).hasSize(1);

        // renewal: a new draft, pre-filled from the grant
        assertThat(policeApprover.post("/api/v1/share/grants/" + expiring + "/renewal", Map.of()).status())
                .isEqualTo(403);
        Api.Response renewal = civilUser.api().post("/api/v1/share/grants/" + expiring + "/renewal", Map.of());
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(201);
        JsonNode draft = renewal.json();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("renewalOfGrantId").asLong()).isEqualTo(expiring);
        assertThat(draft.get("purpose").asString()).isEqualTo("核查最低生活保障申请人的身份和户籍");
        assertThat(draft.get("requested").get("items").size()).isEqualTo(3);
        assertThat(draft.get("requested").get("periodFrom").asString()).isEqualTo(today().toString());
        assertThat(draft.get("requested").get("periodTo").asString()).isEqualTo(today().plusDays(29).toString());
        assertThat(types(civilUser.api().get(path(expiredApplication) + "/timeline").json()))
                .endsWith("RENEWAL_STARTED");
        attachAll(draft.get("id").asLong());
        assertThat(civilUser.api().post(path(draft.get("id").asLong()) + "/submit", Map.of()).text("status"))
                .isEqualTo("PENDING");
    }

    @Autowired
    private ShareReminders reminders;

    @Autowired
    private PlatformTransactionManager transactions;

    // --- deadlines ----------------------------------------------------------------------------------------------

    @Test
    void approversAreRemindedBeforeTheDeadlineAndTheAuthorityListsWhatIsOverdue() {
        long entry = entry("CONDITIONAL");
        long soon = submitted(entry);
        long late = submitted(entry);
        jdbc.sql("update share_application set due_on = ? where id = ?")
                .params(calendar.dueAfter(today(), 1).due(), soon).update();
        jdbc.sql("update share_application set due_on = ? where id = ?").params(today().minusDays(1), late).update();

        reminders.run(today());
        reminders.run(today());
        JsonNode soonTimeline = civilUser.api().get(path(soon) + "/timeline").json();
        assertThat(types(soonTimeline)).filteredOn("REMINDER"::equals).as("reminded once").hasSize(1);
        assertThat(types(policeApprover.get(path(late) + "/timeline").json())).filteredOn("OVERDUE"::equals).hasSize(1);
        JsonNode inbox = policeApprover.get("/api/v1/share/inbox").json();
        assertThat(byId(inbox, soon).get("dueSoon").asBoolean()).isTrue();
        assertThat(byId(inbox, soon).get("remindedAt")).isNotNull();
        assertThat(byId(inbox, late).get("overdue").asBoolean()).isTrue();
        assertThat(Api.texts(inbox, "id").indexOf(Long.toString(late)))
                .as("earliest due first").isLessThan(Api.texts(inbox, "id").indexOf(Long.toString(soon)));

        JsonNode overdue = authorityApprover.get("/api/v1/share/overdue").json();
        assertThat(byId(overdue, late)).isNotNull();
        assertThat(byId(overdue, soon)).isNull();
        assertThat(policeApprover.get("/api/v1/share/overdue").status()).isEqualTo(403);
        assertThat(civilUser.api().get("/api/v1/share/inbox").status()).isEqualTo(403);

        assertThat(civilUser.api().post(path(late) + "/withdraw", Map.of()).text("status")).isEqualTo("WITHDRAWN");
        assertThat(policeApprover.post(path(late) + "/approve", Map.of()).code()).isEqualTo("APPLICATION_STATE");
        assertThat(byId(authorityApprover.get("/api/v1/share/overdue").json(), late)).isNull();
        assertThat(types(civilUser.api().get(path(late) + "/timeline").json())).endsWith("WITHDRAWN");
    }

    @Test
    void applicationsAndGrantsAreListedPerSide() {
        long id = submitted(entry("CONDITIONAL"));
        assertThat(byId(civilUser.api().get("/api/v1/share/applications").json(), id)).isNotNull();
        assertThat(byId(civilUser.api().get("/api/v1/share/applications?status=PENDING").json(), id)).isNotNull();
        assertThat(byId(civilUser.api().get("/api/v1/share/applications?status=APPROVED").json(), id)).isNull();
        assertThat(byId(policeApprover.get("/api/v1/share/applications?side=PROVIDER").json(), id)).isNotNull();
        assertThat(byId(authorityApprover.get("/api/v1/share/applications?side=AUTHORITY").json(), id)).isNotNull();
        assertThat(byId(stranger.get("/api/v1/share/applications?side=PROVIDER").json(), id)).isNull();
        assertThat(policeApprover.get("/api/v1/share/applications?side=AUTHORITY").status()).isEqualTo(403);
        assertThat(civilUser.api().get("/api/v1/share/applications?side=EVERYONE").code()).isEqualTo("INVALID_VALUE");
        assertThat(stranger.get(path(id)).status()).isEqualTo(404);
        assertThat(stranger.get(path(id) + "/timeline").status()).isEqualTo(404);
        assertThat(authorityApprover.get("/api/v1/share/grants?side=AUTHORITY").status()).isEqualTo(200);
        assertThat(civilUser.api().get("/api/v1/share/grants?side=AUTHORITY").status()).isEqualTo(403);
        assertThatThrownBy(() -> shareGrants.consume(987_654_321L, 1)).isInstanceOf(DomainException.class);
    }
}

package cn.govdata.share.signature;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.share.common.Parties;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic signatures on share decisions (SEC-7, NX16: an electronic signature counts as a signature). Each
 * approval, refusal and grant is signed in its own transaction with the platform's SM2 key on behalf of the approver;
 * the signed text is canonical JSON — keys sorted, no spaces, UTF-8, times in UTC — and is stored exactly as signed,
 * so that anyone holding the exported text, signature and certificate can verify it without the platform.
 */
@Service
public class DecisionSignatures {

    /** What was decided; the stored names are part of the signed text and never change. */
    public enum Decision { APPROVE, REFUSE, COORDINATION_GRANT, COORDINATION_REFUSE, GRANT }

    /**
     * A decision to sign.
     *
     * @param stage the approval stage decided at, or null (a grant, the authority's coordination)
     * @param scope what was approved or granted (items, row filter, ways, systems, period, limits); for a refusal its
     *     reason and legal basis
     * @param approver the approver's account name; null for a grant of unconditionally shared data, approved by the
     *     catalog's publication
     */
    public record SignedDecision(long applicationId, Long grantId, Decision decision, String stage, Object scope,
            String approver, Long approverDepartmentId, OffsetDateTime at, Parties parties) {
    }

    /** A signature as the console lists it. */
    public record Signature(long id, long applicationId, Long grantId, Decision decision, String signedBy,
            OffsetDateTime signedAt) {
    }

    /** Everything needed to verify a signature offline. */
    public record Export(long id, long applicationId, Long grantId, Decision decision, String signedBy,
            OffsetDateTime signedAt, String algorithm, String signedContent, String signature, String certificate,
            String certificateFingerprint) {
    }

    private final JdbcClient jdbc;
    private final DecisionSigningKey key;
    private final AuditLog audit;
    private final JsonMapper canonical;

    DecisionSignatures(JdbcClient jdbc, DecisionSigningKey key, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.key = key;
        this.audit = audit;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** Signs a decision in the deciding transaction; returns the signature's id. */
    public long sign(SignedDecision decision) {
        String content = canonicalContent(decision);
        String signature = key.sign(content);
        KeyHolder keys = new GeneratedKeyHolder();
        Parties parties = decision.parties();
        jdbc.sql("""
                insert into share_decision_signature (application_id, grant_id, decision, region_id,
                    provider_department_id, consumer_department_id, signed_by, signed_at, content, signature,
                    certificate, certificate_fingerprint)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.applicationId(), decision.grantId(), decision.decision().name(), parties.regionId(),
                        parties.providerDepartmentId(), parties.consumerDepartmentId(), decision.approver(),
                        decision.at(), content, signature, key.certificatePem(), key.fingerprint())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.record(AuditEvent.success(ShareAuditAction.DECISION_SIGN, "share-application", decision.applicationId(),
                decision.decision() + " signed as decision " + id + " (certificate " + key.fingerprint().substring(0, 16)
                        + ")"));
        return id;
    }

    /**
     * The text signed: application id, decision, stage, scope, approver and time, as canonical JSON. Every map's
     * keys are sorted at every depth, so the same decision always gives the same bytes.
     */
    String canonicalContent(SignedDecision decision) {
        Map<String, Object> content = new TreeMap<>();
        content.put("applicationId", decision.applicationId());
        content.put("grantId", decision.grantId());
        content.put("decision", decision.decision().name());
        content.put("stage", decision.stage());
        content.put("scope", decision.scope() == null ? null : canonical.convertValue(decision.scope(), Object.class));
        content.put("approver", decision.approver());
        content.put("approverDepartmentId", decision.approverDepartmentId());
        content.put("time", DateTimeFormatter.ISO_INSTANT.format(decision.at().withOffsetSameInstant(ZoneOffset.UTC)));
        content.put("signer", "govdata platform on behalf of the approver");
        return canonical.writeValueAsString(content);
    }

    /** The signatures of an application's decisions, oldest first, for whoever sees the application. */
    public List<Signature> ofApplication(Actor actor, long applicationId) {
        List<Stored> stored = jdbc.sql("select * from share_decision_signature where application_id = ? order by id")
                .param(applicationId).query(DecisionSignatures::stored).list();
        return stored.stream().filter(s -> SharePermissions.seesApplication(actor, s.parties(), false))
                .map(s -> new Signature(s.export().id(), s.export().applicationId(), s.export().grantId(),
                        s.export().decision(), s.export().signedBy(), s.export().signedAt()))
                .toList();
    }

    /** A decision's signed text, signature and certificate, for whoever sees the application. */
    public Export export(Actor actor, long id) {
        return jdbc.sql("select * from share_decision_signature where id = ?").param(id)
                .query(DecisionSignatures::stored).optional()
                .filter(s -> SharePermissions.seesApplication(actor, s.parties(), false)).map(Stored::export)
                .orElseThrow(() -> DomainException.notFound("decision", id));
    }

    private record Stored(Export export, Parties parties) {
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Export export = new Export(rs.getLong("id"), rs.getLong("application_id"), rs.getObject("grant_id", Long.class),
                Decision.valueOf(rs.getString("decision")), rs.getString("signed_by"),
                rs.getObject("signed_at", OffsetDateTime.class), cn.govdata.shared.crypto.Sm2KeyFile.ALGORITHM, rs.getString("content"),
                rs.getString("signature"), rs.getString("certificate"), rs.getString("certificate_fingerprint"));
        return new Stored(export, new Parties(rs.getLong("region_id"), rs.getLong("provider_department_id"),
                rs.getLong("consumer_department_id")));
    }
}

package cn.govdata.share.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditOutcome;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.LakeRecords.Condition;
import cn.govdata.lake.LakeRecords.Match;
import cn.govdata.lake.LakeRecords.Source;
import cn.govdata.lake.RecordKey;
import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.RecordsUnderReview;
import cn.govdata.share.ShareGrants;
import cn.govdata.share.SharedChange;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.ShareAuditAction;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.usage.ShareUsage;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * The data access interfaces (SHR-5, SHR-9): verification, query and exchange of shared data, each only within
 * a grant. Every call is first authorised against the caller's grants ({@link ShareGrants}), limited by the
 * grant's rate, reads only the granted items and the records the grant admits, counts the records delivered
 * against the daily quota before answering, hands out values only as the grant masks them — both through the
 * grant's one gate, {@link AuthorizedUse} — and is recorded in the usage records and the audit log with the grant,
 * its purpose and approver, the items, the number of records and the query (SEC-2). A refusal is audited by
 * {@link ShareGrants}; nothing is read before the grant is found.
 */
@Service
class SharedData {

    static final int MAX_PAGE = 100;

    /** The header by which another platform's link says for whom it calls (SHR-10). */
    static final String RELAYED_FOR = "X-Govdata-Relayed-For";

    /** Whether a claimed value is the one the platform holds, never the held value itself. */
    enum Verdict {
        MATCH, NO_MATCH,
        /** The platform holds no value of this item for the record. */
        NOT_HELD
    }

    record VerificationRequest(Map<String, String> key, Map<String, String> claims) {
    }

    /**
     * @param found whether the platform holds the record within the grant; when not, every item is NOT_HELD
     * @param underReview whether an objection to the record is open (the answer still stands)
     */
    record Verification(boolean found, Map<String, Verdict> items, boolean underReview, long grantId) {
    }

    record Filter(String item, Match match, String value) {
    }

    record QueryRequest(Map<String, String> key, List<Filter> filters, List<String> items, Integer page, Integer size) {
    }

    /**
     * One record as it leaves: the granted items, masked as the grant says, and whether an objection to it is
     * open (SHR-7) and on which items — the answer stands meanwhile.
     */
    record SharedRecord(Map<String, String> values, boolean underReview, List<String> itemsUnderReview) {
    }

    record QueryAnswer(long total, int page, int size, List<SharedRecord> records, long grantId) {
    }

    private final ShareGrants grants;
    private final LakeRecords lake;
    private final AuditLog audit;
    private final RecordsUnderReview objections;
    private final ShareUsage usage;

    SharedData(ShareGrants grants, LakeRecords lake, AuditLog audit, RecordsUnderReview objections, ShareUsage usage) {
        this.usage = usage;
        this.grants = grants;
        this.lake = lake;
        this.audit = audit;
        this.objections = objections;
    }

    // --- verification ----------------------------------------------------------------------------------------

    Verification verify(Actor actor, long entryId, VerificationRequest request, String medium) {
        Map<String, String> claims = request == null || request.claims() == null ? Map.of() : request.claims();
        if (claims.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("claims"));
        }
        AuthorizedUse use = grants.authorize(actor, entryId, WayOfUse.VERIFICATION, claims.keySet());
        grants.acquire(use.grantId());
        Source source = source(entryId);
        String key = key(source, request.key());
        LakeRecords.Row row = lake.byKey(source, key, List.copyOf(claims.keySet()), use.conditions()).orElse(null);
        grants.consume(use, 1);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (Map.Entry<String, String> claim : claims.entrySet()) {
            String held = row == null ? null : row.values().get(claim.getKey());
            verdicts.put(claim.getKey(), held == null ? Verdict.NOT_HELD
                    : same(held, claim.getValue()) ? Verdict.MATCH : Verdict.NO_MATCH);
        }
        boolean underReview = row != null && !objections.underReview(entryId, List.of(key)).isEmpty();
        long matched = verdicts.values().stream().filter(v -> v == Verdict.MATCH).count();
        usage.record(actor, use, 1, List.copyOf(claims.keySet()), "key " + source.keyItems());
        record(actor, ShareAuditAction.DATA_VERIFY, use, medium, (row == null ? "record not held" : "1 record") + ", items "
                + claims.keySet() + ", " + matched + " of " + claims.size() + " matching, key " + printable(key)
                + (underReview ? ", under review" : ""));
        return new Verification(row != null, verdicts, underReview, use.grantId());
    }

    /**
     * Claimed and held values compared as a service hall would: surrounding blanks ignored, full-width and
     * half-width forms alike (NFKC), letters without case (the X of an ID number).
     */
    static boolean same(String held, String claimed) {
        if (claimed == null) {
            return false;
        }
        return normal(held).equals(normal(claimed));
    }

    private static String normal(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    }

    // --- query -----------------------------------------------------------------------------------------------

    QueryAnswer query(Actor actor, long entryId, QueryRequest request, String medium) {
        QueryRequest q = request == null ? new QueryRequest(null, null, null, null, null) : request;
        List<Filter> filters = q.filters() == null ? List.of() : q.filters();
        int page = q.page() == null ? 0 : q.page();
        int size = q.size() == null ? 20 : q.size();
        if (page < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("page"), page);
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("size"), "1–" + MAX_PAGE);
        }
        boolean byKey = q.key() != null && !q.key().isEmpty();
        if (!byKey && filters.isEmpty()) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("filters"));
        }
        // a filter on an item is a use of that item: it must be granted too, or its values could be inferred
        Set<String> asked = new LinkedHashSet<>(q.items() == null ? List.of() : q.items());
        for (Filter filter : filters) {
            if (filter.item() == null || filter.match() == null || filter.value() == null || filter.value().isEmpty()) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("filters"));
            }
            asked.add(filter.item());
        }
        boolean allItems = q.items() == null || q.items().isEmpty();
        AuthorizedUse granted = grants.authorize(actor, entryId, WayOfUse.QUERY, allItems ? Set.of() : asked);
        // refuses, and records the refusal, when a filter names an item the grant does not cover
        AuthorizedUse use = granted.items().containsAll(asked) ? granted
                : grants.authorize(actor, entryId, WayOfUse.QUERY, asked);
        List<String> items = allItems ? use.items() : q.items();
        grants.acquire(use.grantId());
        Source source = source(entryId);
        List<Condition> conditions = new ArrayList<>(use.conditions());
        filters.forEach(f -> conditions.add(new Condition(f.item(), f.match(), f.value())));
        String key = byKey ? key(source, q.key()) : null;
        List<LakeRecords.Row> rows;
        long total;
        if (byKey) {
            rows = lake.byKey(source, key, items, conditions).stream().toList();
            total = rows.size();
        } else {
            LakeRecords.Page found = lake.query(source, items, conditions, page, size);
            rows = found.rows();
            total = found.total();
        }
        grants.consume(use, rows.size());
        Map<String, Set<String>> underReview = rows.isEmpty() ? Map.of()
                : objections.underReview(entryId, rows.stream().map(LakeRecords.Row::key).toList());
        List<SharedRecord> records = rows.stream().map(row -> new SharedRecord(use.masked(row.values()),
                underReview.containsKey(row.key()), List.copyOf(underReview.getOrDefault(row.key(), Set.of()))))
                .toList();
        usage.record(actor, use, rows.size(), items, (byKey ? "key " + source.keyItems()
                : "filters " + filters.stream().map(f -> f.item() + " " + f.match()).toList()) + ", page " + page);
        record(actor, ShareAuditAction.DATA_QUERY, use, medium, rows.size() + " of " + total + " records, items " + items
                + (byKey ? ", key " + printable(key)
                        : ", filters " + filters.stream().map(f -> f.item() + " " + f.match() + " " + f.value()).toList())
                + ", page " + page);
        return new QueryAnswer(total, page, size, records, use.grantId());
    }

    // --- exchange --------------------------------------------------------------------------------------------

    /** Where an exchange writes: told what the stream will hold before its first change, then each change. */
    interface ExchangeSink {

        /** Before the first change: the grant, the items delivered, how many changes follow, the cursor to pass next. */
        void start(AuthorizedUse use, List<String> items, long changes, long cursor);

        void accept(SharedChange change);
    }

    /**
     * Streams the granted part of the dataset — every admitted record when {@code since} is 0, otherwise what
     * changed after that cursor — in constant memory. The records are counted against the daily quota before
     * the first one is written; over the quota nothing is sent.
     */
    long exchange(Actor actor, long entryId, long since, List<String> askedItems, String medium, ExchangeSink sink) {
        if (since < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("since"), since);
        }
        AuthorizedUse use = grants.authorize(actor, entryId, WayOfUse.EXCHANGE,
                askedItems == null ? Set.of() : new LinkedHashSet<>(askedItems));
        List<String> items = askedItems == null || askedItems.isEmpty() ? use.items() : askedItems;
        grants.acquire(use.grantId());
        Source source = source(entryId);
        LakeRecords.ExportResult result = lake.export(source, items, use.conditions(), since, (changes, cursor) -> {
            grants.consume(use, changes);
            sink.start(use, items, changes, cursor);
        }, change -> use.delivered(change, source.keyItems(), items).ifPresent(sink::accept));
        usage.record(actor, use, result.changes(), items, (since == 0 ? "full" : "changed since cursor " + since)
                + ", to cursor " + result.cursor());
        record(actor, ShareAuditAction.DATA_EXCHANGE, use, medium, result.changes() + " records, items " + items
                + (since == 0 ? ", full" : ", changed since " + since) + ", cursor " + result.cursor());
        return result.cursor();
    }

    // --- shared parts ----------------------------------------------------------------------------------------

    /**
     * How the data was used, for the usage record: by a connected system through the API, or in the console; for
     * another platform's link (SHR-10), also the system and department there that the call was relayed for, as that
     * platform names them.
     */
    static String medium(Actor actor, String relayedFor) {
        if (actor.kind() != Actor.Kind.SYSTEM) {
            return "console";
        }
        if (relayedFor == null || !SharePermissions.peerPlatform(actor)) {
            return "API (system " + actor.id() + ")";
        }
        String named;
        try {
            named = URLDecoder.decode(relayedFor, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEncoding) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(RELAYED_FOR), "UTF-8, percent-encoded");
        }
        named = named.replaceAll("\\p{Cntrl}", " ").strip();
        if (named.length() > 200) {
            named = named.substring(0, 200) + "…";
        }
        return "API (system " + actor.id() + ", relayed for " + named + ")";
    }

    private Source source(long entryId) {
        return lake.forReading(entryId).orElseThrow(() -> DomainException.notFound("dataset of catalog entry", entryId));
    }

    /** The record key, as the lake stores it, from the key items the caller sends; every key item is required. */
    private static String key(Source source, Map<String, String> keyValues) {
        Map<String, String> given = keyValues == null ? Map.of() : keyValues;
        for (String item : source.keyItems()) {
            String value = given.get(item);
            if (value == null || value.isBlank()) {
                throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("key." + item));
            }
        }
        return RecordKey.of(source.keyItems(), given).stored();
    }

    /** The usage record (SEC-2): who (the actor), under which grant, for which purpose, what, how. */
    private void record(Actor actor, ShareAuditAction action, AuthorizedUse use, String medium, String what) {
        audit.record(new AuditEvent(action, "catalog-entry", Long.toString(use.entryId()), AuditOutcome.SUCCESS,
                use.resourceCode() + " of department " + use.providerDepartmentId() + " for department "
                        + actor.departmentId() + " via " + medium + ": " + what + "; approved by "
                        + (use.approvedBy() == null ? "the catalog (unconditional)" : use.approvedBy()),
                use.purpose(), Long.toString(use.grantId())));
    }

    /**
     * A record key as the usage record names it: in full, because the audit log (readable by auditors only) is
     * where the use of a person's data must be traceable; a composite key's separator shown as {@code |}.
     */
    private static String printable(String key) {
        return RecordKey.parse(key).toString();
    }
}

package cn.govdata.catalog.entry;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/**
 * Duplicate detection (CAT-5, AB15): when an entry is submitted it is compared with the submitted and published
 * entries of the other departments of its region. Two entries are flagged when their names are alike
 * (character-bigram similarity, which suits Chinese names without a dictionary) and their data items
 * overlap, or when either is strong on its own. The authority then designates one collecting department, or
 * dismisses the flag.
 */
@Service
class DuplicateDetection {

    enum Status { OPEN, RESOLVED, DISMISSED }

    record Duplicate(long id, long entryId, String entryCode, String entryName, long entryDepartmentId,
            String entryDepartmentName, long otherEntryId, String otherCode, String otherName,
            long otherDepartmentId, String otherDepartmentName, double nameSimilarity, double itemOverlap,
            Status status, Long collectingDepartmentId, String decisionNote, OffsetDateTime detectedAt,
            String decidedBy, OffsetDateTime decidedAt) {
    }

    static final double NAME_ALONE = 0.75;
    static final double ITEMS_ALONE = 0.8;
    static final double NAME_WITH_ITEMS = 0.4;
    static final double ITEMS_WITH_NAME = 0.4;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;

    DuplicateDetection(JdbcClient jdbc, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /** Compares a submitted entry with other departments' live entries and records new suspicions. */
    @Transactional(propagation = Propagation.MANDATORY)
    void detect(long entryId, long departmentId, long regionId, EntryContent content) {
        Set<String> names = bigrams(content.name());
        Set<String> items = itemNames(content);
        record Candidate(long id, String name, String itemNames) {
        }
        List<Candidate> candidates = jdbc.sql("""
                select e.id, v.name, v.item_names from catalog_entry e
                join catalog_version v on v.entry_id = e.id and v.version = e.latest_version
                where e.region_id = ? and e.department_id <> ? and not e.retired
                    and (v.state in ('SUBMITTED', 'PUBLISHED') or e.published_version is not null)""")
                .params(regionId, departmentId)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        OffsetDateTime now = CatalogEntries.now();
        for (Candidate candidate : candidates) {
            double nameSimilarity = dice(names, bigrams(candidate.name()));
            double itemOverlap = jaccard(items, candidate.itemNames().isEmpty() ? Set.of()
                    : new HashSet<>(List.of(candidate.itemNames().split("\n"))));
            boolean suspect = nameSimilarity >= NAME_ALONE || (itemOverlap >= ITEMS_ALONE && items.size() >= 3)
                    || (nameSimilarity >= NAME_WITH_ITEMS && itemOverlap >= ITEMS_WITH_NAME);
            if (suspect && !known(entryId, candidate.id())) {
                jdbc.sql("""
                        insert into catalog_duplicate (entry_id, other_entry_id, name_similarity, item_overlap, status,
                            detected_at)
                        values (?, ?, ?, ?, 'OPEN', ?)""")
                        .params(entryId, candidate.id(), round(nameSimilarity), round(itemOverlap), now).update();
            }
        }
    }

    List<Duplicate> list(Actor actor, Status status) {
        CatalogAccess.requireReviewer(actor, actor.regionId());
        return jdbc.sql(SELECT + " where a.region_id = ?" + (status == null ? "" : " and d.status = ?")
                + " order by d.detected_at desc, d.id desc")
                .params(status == null ? List.of(actor.regionId()) : List.of(actor.regionId(), status.name()))
                .query(this::map).list();
    }

    /** The authority designates which of the two departments collects the data (采集部门). */
    @Transactional
    Duplicate designate(Actor actor, long id, long collectingDepartmentId, String note) {
        Duplicate duplicate = open(actor, id);
        if (collectingDepartmentId != duplicate.entryDepartmentId()
                && collectingDepartmentId != duplicate.otherDepartmentId()) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("collectingDepartmentId"), collectingDepartmentId);
        }
        decide(actor, id, Status.RESOLVED, collectingDepartmentId, note);
        jdbc.sql("update catalog_entry set collecting_department_id = ?, updated_at = ? where id in (?, ?)")
                .params(collectingDepartmentId, CatalogEntries.now(), duplicate.entryId(), duplicate.otherEntryId())
                .update();
        audit.record(AuditEvent.success(CatalogAuditAction.DUPLICATE_DESIGNATE, "catalog-duplicate", id,
                duplicate.entryCode() + " " + duplicate.otherCode() + " → department " + collectingDepartmentId));
        return get(id);
    }

    /** The authority finds that the two entries describe different data. */
    @Transactional
    Duplicate dismiss(Actor actor, long id, String note) {
        Duplicate duplicate = open(actor, id);
        decide(actor, id, Status.DISMISSED, null, note);
        audit.record(AuditEvent.success(CatalogAuditAction.DUPLICATE_DISMISS, "catalog-duplicate", id,
                duplicate.entryCode() + " " + duplicate.otherCode()));
        return get(id);
    }

    private Duplicate open(Actor actor, long id) {
        Duplicate duplicate = jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).optional()
                .filter(d -> CatalogAccess.isReviewer(actor, regionOf(d.entryDepartmentId())))
                .orElseThrow(() -> DomainException.notFound("duplicate", id));
        if (duplicate.status() != Status.OPEN) {
            throw new DomainException(ProblemCode.INVALID_STATE, duplicate.status(), "decided again");
        }
        return duplicate;
    }

    private void decide(Actor actor, long id, Status status, Long department, String note) {
        jdbc.sql("""
                update catalog_duplicate set status = ?, collecting_department_id = ?, decision_note = ?, decided_by = ?,
                    decided_at = ? where id = ?""")
                .params(status.name(), department, note, actor.name(), CatalogEntries.now(), id).update();
    }

    private Duplicate get(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).single();
    }

    private boolean known(long a, long b) {
        return jdbc.sql("""
                select count(*) from catalog_duplicate
                where (entry_id = ? and other_entry_id = ?) or (entry_id = ? and other_entry_id = ?)""")
                .params(a, b, b, a).query(Integer.class).single() > 0;
    }

    private long regionOf(long departmentId) {
        return directory.department(departmentId).map(DepartmentInfo::regionId).orElse(-1L);
    }

    private static final String SELECT = """
            select d.*, a.resource_code a_code, a.department_id a_department, va.name a_name,
                b.resource_code b_code, b.department_id b_department, vb.name b_name
            from catalog_duplicate d
            join catalog_entry a on a.id = d.entry_id
            join catalog_version va on va.entry_id = a.id and va.version = a.latest_version
            join catalog_entry b on b.id = d.other_entry_id
            join catalog_version vb on vb.entry_id = b.id and vb.version = b.latest_version""";

    private Duplicate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long aDepartment = rs.getLong("a_department");
        long bDepartment = rs.getLong("b_department");
        return new Duplicate(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("a_code"), rs.getString("a_name"),
                aDepartment, departmentName(aDepartment), rs.getLong("other_entry_id"), rs.getString("b_code"),
                rs.getString("b_name"), bDepartment, departmentName(bDepartment), rs.getDouble("name_similarity"),
                rs.getDouble("item_overlap"), Status.valueOf(rs.getString("status")),
                rs.getObject("collecting_department_id", Long.class), rs.getString("decision_note"),
                rs.getObject("detected_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class));
    }

    private String departmentName(long id) {
        return directory.department(id).map(DepartmentInfo::name).orElse(null);
    }

    // --- similarity ----------------------------------------------------------------------------------------

    /** Character bigrams of a name, ignoring spaces and punctuation; a one-character name is its own gram. */
    static Set<String> bigrams(String text) {
        String cleaned = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{P}\\p{S}]", "");
        Set<String> grams = new HashSet<>();
        if (cleaned.length() == 1) {
            grams.add(cleaned);
        }
        for (int i = 0; i + 2 <= cleaned.length(); i++) {
            grams.add(cleaned.substring(i, i + 2));
        }
        return grams;
    }

    /** The item names as stored beside each version, one per line. */
    static String itemNamesColumn(EntryContent content) {
        return String.join("\n", new java.util.TreeSet<>(itemNames(content)));
    }

    /** Data items compared by their Chinese name (what the data means), else their identifier. */
    static Set<String> itemNames(EntryContent content) {
        Set<String> names = new HashSet<>();
        for (DataItem item : content.dataItems()) {
            if (item.chineseName() != null && !item.chineseName().isBlank()) {
                names.add(item.chineseName().strip().replace('\n', ' '));
            } else if (item.name() != null) {
                names.add(item.name().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return 2.0 * common.size() / (a.size() + b.size());
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / union.size();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

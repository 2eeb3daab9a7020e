package cn.govdata.open.desensitise;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SM3Digest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.GradeRules;
import cn.govdata.catalog.PublishedCatalog;
import cn.govdata.catalog.PublishedCatalog.PublishedEntry;
import cn.govdata.lake.LakeRecords;
import cn.govdata.lake.LakeRecords.Condition;
import cn.govdata.lake.LakeRecords.Match;
import cn.govdata.lake.LakeRecords.Source;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.shared.MaskingRule;

/**
 * The one way values of open data leave the platform (OPN-4): the preview, {@code datastore_search}, the dumps
 * and any later feed read records through this gate, which reads only the released items from the lake and
 * passes every value through its item's rule. What it will not do is as important: it releases nothing of an
 * entry that is no longer published, no longer unconditionally open or now classified (whatever the caller
 * thought), no item without a rule (an item added by a new catalog version waits for its rule), no item the
 * catalog marks personal or secret as stored (its default rule applies instead), and it never filters or
 * searches on a stored value that leaves masked — a filter on the full ID number would tell whether a person
 * is in the data. Records are named by a keyed pseudonym ({@code _id}), never by their record key, which may
 * itself be personal.
 */
@Component
public class DesensitisationGate {

    /**
     * The terms an opened dataset's values leave under: its entry, the rule per item, the key of its hashes, and
     * whether the reader holds an approved application (only then do the values of data open on application leave,
     * under the same rules).
     */
    public record Terms(long entryId, Map<String, ItemRule> rules, byte[] hashKey, boolean granted) {

        public Terms(long entryId, Map<String, ItemRule> rules, byte[] hashKey) {
            this(entryId, rules, hashKey, false);
        }

        /** The same terms for a reader whose approved application gives access to data open on application. */
        public Terms forGrantee() {
            return new Terms(entryId, rules, hashKey, true);
        }
    }

    /**
     * A field as it leaves.
     *
     * @param id the data item's identifier ({@code _id} for the record's pseudonym)
     * @param type its CKAN datastore type ({@code text} once masked)
     * @param label its Chinese name
     * @param valueStandard the standard its values follow, or null
     * @param rule the rule its values leave under (null for {@code _id})
     */
    public record Field(String id, String type, String label, String valueStandard, ItemRule rule) {
    }

    /** What the lake holds for a dataset: how many current records, when a delivery last succeeded. */
    public record Holdings(long records, OffsetDateTime lastChanged) {
    }

    /**
     * What a read asks for.
     *
     * @param filters exact values per item (any of the values), only on items released as stored
     * @param words words that must each occur in some released value (as released), or empty
     * @param fieldWords a word per field that must occur in that field's released value, or empty
     * @param fields the fields wanted, in this order; empty for all
     * @param offset records skipped
     * @param limit records at most
     * @param total whether to count the matching records
     */
    public record Read(Map<String, List<String>> filters, List<String> words, Map<String, String> fieldWords,
            List<String> fields, long offset, long limit, boolean total) {

        public Read {
            filters = Map.copyOf(filters);
            words = List.copyOf(words);
            fieldWords = Map.copyOf(fieldWords);
            fields = List.copyOf(fields);
        }

        boolean searchesText() {
            return !words.isEmpty() || !fieldWords.isEmpty();
        }
    }

    /** A page of released records (each with its {@code _id}), the fields they hold, and the total when asked. */
    public record Page(List<Field> fields, List<Map<String, Object>> records, Long total) {
    }

    /** Receives a stream of released records: first the fields, then each record's values in their order. */
    public interface Sink {
        void fields(List<Field> fields);

        void record(List<Object> values);
    }

    /** Why the gate releases nothing. */
    public enum Reason {
        /** The entry is not (or no longer) published and unconditionally open. */
        NOT_RELEASED,
        /** The entry's grade keeps it from the public (SEC-4); the field is why, in Chinese and English. */
        GRADE_WITHHELD,
        /** The entry has no dataset in the lake. */
        NO_DATA,
        /** A field that is not released (not an item, dropped, or waiting for its rule). */
        UNKNOWN_FIELD,
        /** A filter on a field that leaves masked. */
        FIELD_DESENSITISED,
        /** A text search over a dataset too large to search record by record. */
        TEXT_SEARCH_TOO_LARGE
    }

    /** A read the gate refuses, with the field concerned where there is one. */
    public static final class Refused extends RuntimeException {

        private final Reason reason;
        private final String field;

        Refused(Reason reason, String field) {
            super(reason + (field == null ? "" : " " + field));
            this.reason = reason;
            this.field = field;
        }

        public Reason reason() {
            return reason;
        }

        public String field() {
            return field;
        }
    }

    /** The pseudonym field every record carries. */
    public static final String ID = "_id";

    private final LakeRecords lake;
    private final PublishedCatalog catalog;
    private final long textSearchMaxRecords;

    DesensitisationGate(LakeRecords lake, PublishedCatalog catalog,
            @Value("${govdata.open.text-search-max-records:200000}") long textSearchMaxRecords) {
        this.lake = lake;
        this.catalog = catalog;
        this.textSearchMaxRecords = textSearchMaxRecords;
    }

    /** The current records of the entries' datasets together (an entry without data holds none). */
    public long records(java.util.Collection<Long> entryIds) {
        Map<Long, Long> counts = lake.recordCountsByEntry();
        return entryIds.stream().mapToLong(id -> counts.getOrDefault(id, 0L)).sum();
    }

    /** What the lake holds for an entry, if it has a dataset. */
    public Optional<Holdings> holdings(long entryId) {
        return lake.forReading(entryId).map(s -> new Holdings(s.recordCount(), s.lastSuccessAt()));
    }

    /** The fields that leave, in the catalog's order, after {@code _id}. */
    public List<Field> fields(Terms terms) {
        return released(terms, List.of()).fields;
    }

    /** One page of released records. */
    public Page read(Terms terms, Read read) {
        Released released = released(terms, read.fields());
        List<Condition> conditions = conditions(released, read.filters());
        if (read.searchesText()) {
            return searched(terms, released, conditions, read);
        }
        List<String> items = released.items();
        List<Map<String, Object>> records = new ArrayList<>();
        if (read.limit() == 0) {
            Long total = read.total() ? lake.query(released.source, items, conditions, 0, 1).total() : null;
            return new Page(released.fields, records, total);
        }
        // the lake pages by page number: a window at any offset is the end of one page and the start of the next
        int size = (int) read.limit();
        int page = (int) (read.offset() / size);
        int skip = (int) (read.offset() % size);
        LakeRecords.Page first = lake.query(released.source, items, conditions, page, size);
        List<LakeRecords.Row> rows = new ArrayList<>(first.rows().subList(Math.min(skip, first.rows().size()),
                first.rows().size()));
        if (skip > 0 && first.rows().size() == size) {
            List<LakeRecords.Row> next = lake.query(released.source, items, conditions, page + 1, size).rows();
            rows.addAll(next.subList(0, Math.min(skip, next.size())));
        }
        for (LakeRecords.Row row : rows) {
            records.add(released.selected(released.values(terms, row.key(), row.values())));
        }
        return new Page(released.fields, records, read.total() ? first.total() : null);
    }

    /** Streams every released record the read admits, in constant memory; returns how many were sent. */
    public long stream(Terms terms, Read read, Sink sink) {
        Released released = released(terms, read.fields());
        List<Condition> conditions = conditions(released, read.filters());
        TextMatch match = new TextMatch(released, read);
        sink.fields(released.fields);
        long[] seen = { 0 };
        long[] sent = { 0 };
        lake.export(released.source, released.items(), conditions, 0, (changes, cursor) -> {
        }, change -> {
            if (change.deleted() || sent[0] >= read.limit()) {
                return;
            }
            Map<String, Object> values = released.values(terms, change.key(), change.values());
            if (!match.matches(values) || seen[0]++ < read.offset()) {
                return;
            }
            sink.record(new ArrayList<>(released.selected(values).values()));
            sent[0]++;
        });
        return sent[0];
    }

    /**
     * A digest of everything {@link #stream} would send for the read as of now: the dataset and the last batch
     * applied to it (every change of the lake's records is one), the fields with their types and rules, the key of
     * the hashes, and the read itself. Two reads with the same fingerprint stream the same records, so a file of one
     * may stand in for the other; refuses as {@link #stream} does.
     */
    public String fingerprint(Terms terms, Read read) {
        Released released = released(terms, read.fields());
        Source now = lake.ofEntry(terms.entryId()).orElseThrow(() -> new Refused(Reason.NO_DATA, null));
        StringBuilder text = new StringBuilder().append(terms.entryId()).append('|').append(now.datasetId()).append('|')
                .append(now.sequence()).append('|').append(now.items()).append('|').append(now.keyItems());
        for (Field field : released.all.values()) {
            text.append('|').append(field.id()).append(':').append(field.type()).append(':')
                    .append(field.rule() == null ? "" : field.rule().rule() + ":" + field.rule().kept());
        }
        text.append('|').append(released.fields.stream().map(Field::id).toList()).append('|').append(read)
                .append('|').append(HexFormat.of().formatHex(terms.hashKey() == null ? new byte[0] : terms.hashKey()));
        SM3Digest sm3 = new SM3Digest();
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        sm3.update(bytes, 0, bytes.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return HexFormat.of().formatHex(digest);
    }

    private Page searched(Terms terms, Released released, List<Condition> conditions, Read read) {
        if (released.source.recordCount() > textSearchMaxRecords) {
            throw new Refused(Reason.TEXT_SEARCH_TOO_LARGE, Long.toString(textSearchMaxRecords));
        }
        TextMatch match = new TextMatch(released, read);
        List<Map<String, Object>> records = new ArrayList<>();
        long[] matched = { 0 };
        lake.export(released.source, released.items(), conditions, 0, (changes, cursor) -> {
        }, change -> {
            if (change.deleted()) {
                return;
            }
            Map<String, Object> values = released.values(terms, change.key(), change.values());
            if (!match.matches(values)) {
                return;
            }
            long position = matched[0]++;
            if (position >= read.offset() && position < read.offset() + read.limit()) {
                records.add(released.selected(values));
            }
        });
        return new Page(released.fields, records, read.total() ? matched[0] : null);
    }

    private static List<Condition> conditions(Released released, Map<String, List<String>> filters) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            Field field = released.all.get(filter.getKey());
            if (field == null || field.id().equals(ID)) {
                throw new Refused(Reason.UNKNOWN_FIELD, filter.getKey());
            }
            if (!field.rule().keepsValues()) {
                throw new Refused(Reason.FIELD_DESENSITISED, filter.getKey());
            }
            if (filter.getValue().isEmpty()) {
                throw new Refused(Reason.UNKNOWN_FIELD, filter.getKey());
            }
            conditions.add(new Condition(field.id(), Match.EQUALS, filter.getValue()));
        }
        return conditions;
    }

    /** The released fields of an entry that is open now, with the lake dataset to read them from. */
    private Released released(Terms terms, List<String> wanted) {
        PublishedEntry entry = catalog.byId(terms.entryId()).orElseThrow(() -> new Refused(Reason.NOT_RELEASED, null));
        EntryContent content = entry.content();
        boolean released = content.openType() == OpenType.OPEN
                || content.openType() == OpenType.CONDITIONAL_OPEN && terms.granted();
        if (content.classified() || !released) {
            throw new Refused(Reason.NOT_RELEASED, null);
        }
        // SEC-4: what the catalog's grade keeps from the public, even if the dataset was opened before it was raised
        GradeRules.refusal(content.grade(), GradeRules.Use.OPEN_DOWNLOAD, false).ifPresent(why -> {
            throw new Refused(Reason.GRADE_WITHHELD, why.zh() + " — " + why.en());
        });
        Source source = lake.forReading(terms.entryId()).orElseThrow(() -> new Refused(Reason.NO_DATA, null));
        Map<String, Field> all = new LinkedHashMap<>();
        all.put(ID, new Field(ID, "int", "记录标识", null, null));
        for (DataItem item : content.dataItems()) {
            ItemRule rule = terms.rules().get(item.name());
            if (rule == null || !source.items().contains(item.name())) {
                continue;  // no rule yet (a new item), or not yet in the lake: nothing leaves
            }
            if (rule.keepsValues() && DefaultRules.sensitive(item)) {
                rule = ItemRule.of(item.name(), DefaultRules.defaultFor(item));
            }
            if (!rule.complete() || rule.rule() == MaskingRule.DROP) {
                continue;
            }
            all.put(item.name(), new Field(item.name(), rule.keepsValues() ? type(item) : "text", item.chineseName(),
                    item.valueStandard(), rule));
        }
        List<Field> fields;
        if (wanted.isEmpty()) {
            fields = List.copyOf(all.values());
        } else {
            fields = new ArrayList<>();
            for (String id : wanted) {
                Field field = all.get(id);
                if (field == null) {
                    throw new Refused(Reason.UNKNOWN_FIELD, id);
                }
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        return new Released(source, List.copyOf(fields), all);
    }

    private static String type(DataItem item) {
        return switch (item.type()) {
            case NUMERIC, CURRENCY, DOUBLE, FLOAT -> "numeric";
            case INTEGER -> "int";
            case DATE -> "date";
            case DATETIME -> "timestamp";
            case LOGICAL -> "bool";
            default -> "text";
        };
    }

    /**
     * The fields of one read (those asked for) among all the released ones, and how a stored record becomes the
     * values that leave. Every released item is read, so that a text search may look at fields not asked for.
     */
    private record Released(Source source, List<Field> fields, Map<String, Field> all) {

        List<String> items() {
            return all.keySet().stream().filter(id -> !id.equals(ID)).toList();
        }

        Map<String, Object> values(Terms terms, String recordKey, Map<String, String> stored) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field field : all.values()) {
                values.put(field.id(), field.id().equals(ID) ? pseudonym(terms, recordKey)
                        : released(field, stored.get(field.id()), terms.hashKey()));
            }
            return values;
        }

        Map<String, Object> selected(Map<String, Object> values) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (Field field : fields) {
                record.put(field.id(), values.get(field.id()));
            }
            return record;
        }

        private static Object released(Field field, String stored, byte[] hashKey) {
            String value = field.rule().rule().apply(stored, field.rule().kept(), hashKey);
            if (value == null || !field.rule().keepsValues()) {
                return value;
            }
            String v = value.strip();
            try {
                return switch (field.type()) {
                    case "int", "numeric" -> v.isEmpty() ? null : new BigDecimal(v);
                    case "bool" -> switch (v.toLowerCase(Locale.ROOT)) {
                        case "true", "1", "是", "y" -> Boolean.TRUE;
                        case "false", "0", "否", "n" -> Boolean.FALSE;
                        default -> value;
                    };
                    default -> value;
                };
            } catch (NumberFormatException e) {
                return value;
            }
        }

        /** A stable number for a record that does not reveal its key: a keyed hash of it, 48 bits. */
        private static long pseudonym(Terms terms, String recordKey) {
            String hash = MaskingRule.HASH.apply("_id:" + recordKey, null, terms.hashKey());
            return Long.parseLong(hash.substring(0, 12), 16) + 1;
        }
    }

    /** Whether a record's released values hold the words a read searches for (case does not matter). */
    private static final class TextMatch {

        private final List<String> words;
        private final Map<String, String> fieldWords = new LinkedHashMap<>();

        TextMatch(Released released, Read read) {
            this.words = read.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            for (Map.Entry<String, String> entry : read.fieldWords().entrySet()) {
                if (!released.all.containsKey(entry.getKey()) || entry.getKey().equals(ID)) {
                    throw new Refused(Reason.UNKNOWN_FIELD, entry.getKey());
                }
                fieldWords.put(entry.getKey(), entry.getValue().toLowerCase(Locale.ROOT));
            }
        }

        boolean matches(Map<String, Object> values) {
            for (Map.Entry<String, String> entry : fieldWords.entrySet()) {
                Object value = values.get(entry.getKey());
                if (value == null || !value.toString().toLowerCase(Locale.ROOT).contains(entry.getValue())) {
                    return false;
                }
            }
            for (String word : words) {
                boolean found = false;
                for (Map.Entry<String, Object> value : values.entrySet()) {
                    found = !value.getKey().equals(ID) && value.getValue() != null
                            && value.getValue().toString().toLowerCase(Locale.ROOT).contains(word);
                    if (found) {
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }
}

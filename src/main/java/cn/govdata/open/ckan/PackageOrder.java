package cn.govdata.open.ckan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The order of {@code package_search}'s results, the one place both ways of searching take it from: the keys the
 * client asked for (when it asked for none: emergency data first (OPN-7), then relevance when it gave words, else
 * newest change first), then the package id, so that paging neither repeats nor skips. The index ({@link PackageIndex}) and SQL each render the same keys;
 * a key that should come first for every search (e.g. pinned datasets) is added here, to both.
 */
record PackageOrder(List<Key> keys) {

    /** What a search may sort on; the index holds all but the usage counts. */
    enum Field {
        SCORE(null, null),
        PINNED("case when exists (select 1 from open_emergency e where e.dataset_id = d.id and e.lifted_at is null)"
                + " then 0 else 1 end", PackageIndex.PINNED),
        MODIFIED("d.metadata_modified", PackageIndex.MODIFIED),
        CREATED("d.metadata_created", PackageIndex.CREATED), NAME("d.name", PackageIndex.sortable("name")),
        TITLE("d.title", PackageIndex.sortable("title")), ID("d.package_id", PackageIndex.sortable("id")),
        VIEWS("coalesce(u.views, 0)", null), DOWNLOADS("coalesce(u.downloads, 0)", null),
        API_CALLS("coalesce(u.api_calls, 0)", null);

        final String column;
        /** The index's field, or null where only SQL sorts (the relevance is the index's score). */
        final String indexField;

        Field(String column, String indexField) {
            this.column = column;
            this.indexField = indexField;
        }

        boolean indexed() {
            return this == SCORE || indexField != null;
        }
    }

    record Key(Field field, boolean descending) {
    }

    /** CKAN's sort field names. */
    private static final Map<String, Field> NAMES = Map.ofEntries(Map.entry("metadata_modified", Field.MODIFIED),
            Map.entry("metadata_created", Field.CREATED), Map.entry("name", Field.NAME),
            Map.entry("title_string", Field.TITLE), Map.entry("title", Field.TITLE), Map.entry("id", Field.ID),
            Map.entry("view_count", Field.VIEWS), Map.entry("download_count", Field.DOWNLOADS),
            Map.entry("api_call_count", Field.API_CALLS), Map.entry("score", Field.SCORE), Map.entry("rank", Field.SCORE));

    /** The order of a search asking for these sorts; {@code scored}: whether it has words to score. */
    static PackageOrder of(List<PackageSearch.Sort> sorts, boolean scored) {
        List<Key> keys = new ArrayList<>();
        for (PackageSearch.Sort sort : sorts) {
            Field field = NAMES.get(sort.field());
            if (field == null) {
                throw CkanError.search("cannot sort on " + sort.field() + "; sort fields: score, "
                        + NAMES.keySet().stream().filter(n -> !n.equals("score") && !n.equals("rank")).toList());
            }
            if (keys.stream().noneMatch(k -> k.field() == field && field == Field.SCORE)) {
                keys.add(new Key(field, sort.descending()));
            }
        }
        if (keys.isEmpty()) {
            keys.add(new Key(Field.PINNED, false));
            keys.add(scored ? new Key(Field.SCORE, true) : new Key(Field.MODIFIED, true));
        }
        if (keys.stream().noneMatch(k -> k.field() == Field.ID)) {
            keys.add(new Key(Field.ID, false));
        }
        return new PackageOrder(List.copyOf(keys));
    }

    /** Whether the relevance is one of the keys (in SQL its parameters then follow the where clause's). */
    boolean scored() {
        return keys.stream().anyMatch(k -> k.field() == Field.SCORE);
    }

    /** Whether the index can sort so. */
    boolean indexed() {
        return keys.stream().allMatch(k -> k.field().indexed());
    }

    /**
     * The SQL order by clause, with {@code score} the relevance's expression, null without words: the relevance is
     * then the same for all and left out (PostgreSQL would read a constant as a column's position).
     */
    String sql(String score) {
        List<String> terms = new ArrayList<>();
        for (Key key : keys) {
            if (key.field() == Field.SCORE && score == null) {
                continue;
            }
            terms.add((key.field() == Field.SCORE ? score : key.field().column) + (key.descending() ? " desc" : " asc"));
        }
        return String.join(", ", terms);
    }

    /** The index's sort. */
    Sort lucene() {
        List<SortField> fields = new ArrayList<>();
        for (Key key : keys) {
            fields.add(switch (key.field()) {
                // Lucene's score sorts highest first unless reversed
                case SCORE -> new SortField(null, SortField.Type.SCORE, !key.descending());
                case MODIFIED, CREATED, PINNED ->
                        new SortField(key.field().indexField, SortField.Type.LONG, key.descending());
                case NAME, TITLE, ID -> new SortField(key.field().indexField, SortField.Type.STRING, key.descending());
                case VIEWS, DOWNLOADS, API_CALLS -> throw new IllegalStateException("the index holds no usage counts");
            });
        }
        return new Sort(fields.toArray(SortField[]::new));
    }
}

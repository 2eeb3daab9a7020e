package cn.govdata.open.ckan;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.open.ckan.FilterQuery.Bound;
import cn.govdata.open.ckan.FilterQuery.Clause;
import cn.govdata.open.release.ChangeStamps;
import cn.govdata.open.release.OpenSettings;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;

/**
 * {@code package_search} over the opened datasets: free text is cut into words by Lucene's Chinese analyser (the one
 * the catalog's search uses) and every word must occur in the dataset's name, summary, department, subject, data
 * items or code; a word in the name counts ten times as much for the relevance. Filters are Solr clauses on the
 * fields CKAN clients use; facets count the datasets matching the query per value.
 *
 * <p>Two ways answer alike (PackageIndexApiTest runs both): the search index ({@link PackageIndex}), which
 * answers the common searches in a few milliseconds, and SQL on the platform's database, which answers what the
 * index does not hold or must not answer from a copy that may lag a commit:
 * <ul>
 * <li>clauses on {@code metadata_modified} / {@code metadata_created} (harvesters asking for changes by time: such a
 * search first waits for changes being stamped to commit, {@link ChangeStamps#afterPendingChanges}, so a harvester
 * asking up to now misses none);</li>
 * <li>clauses on {@code state}, and {@code include_deleted} (the index holds the public, active datasets only);</li>
 * <li>sorts by usage counts ({@code view_count}, {@code download_count}, {@code api_call_count});</li>
 * <li>every search while the index is being (re)built or after an update of it failed, and where there is none
 * (command-line runs).</li>
 * </ul>
 * Both take the order from {@link PackageOrder}, and both read the page's rows from the database.
 */
@Component
public class PackageSearch {

    /** What a search asks for. */
    public record Query(String q, List<String> filters, List<Sort> sort, int rows, long start, List<String> facetFields,
            int facetLimit, int facetMinCount, boolean includeDeleted) {
    }

    public record Sort(String field, boolean descending) {
    }

    /** The matching count, the page's datasets in order (as the search read them), and the facets asked for. */
    public record Result(long count, List<OpenedDataset> datasets, Map<String, List<FacetCount>> facets) {
    }

    public record FacetCount(String value, long count, Long departmentId) {
    }

    /** Fields clauses and facets may name, with the column they are on. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("id", "d.package_id"), Map.entry("name", "d.name"), Map.entry("title", "d.title"),
            Map.entry("organization", "d.organization"), Map.entry("owner_org", "d.owner_org"),
            Map.entry("groups", "d.group_name"), Map.entry("state", "d.public_state"),
            Map.entry("update_cycle", "d.update_cycle"), Map.entry("open_type", "d.open_type"),
            Map.entry("source_format", "d.source_format"), Map.entry("metadata_modified", "d.metadata_modified"),
            Map.entry("metadata_created", "d.metadata_created"));
    /** Fields with one value for every dataset. */
    private static final Set<String> CONSTANTS = Set.of("res_format", "license_id", "capacity", "type", "dataset_type");
    static final List<String> FACETS = List.of("organization", "groups", "tags", "res_format", "license_id",
            "update_cycle", "open_type", "source_format");
    private final JdbcClient jdbc;
    private final OpenedDatasets datasets;
    private final ChangeStamps stamps;
    private final OpenSettings settings;
    private final Optional<PackageIndex> index;
    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

    PackageSearch(JdbcClient jdbc, OpenedDatasets datasets, ChangeStamps stamps, OpenSettings settings,
            Optional<PackageIndex> index) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.stamps = stamps;
        this.settings = settings;
        this.index = index;
    }

    /** Which way answers a search: the index where it can, else SQL; or one of them (tests compare them). */
    enum Way {
        BEST, INDEX, SQL
    }

    public Result search(Query query) {
        return search(query, Way.BEST);
    }

    Result search(Query query, Way way) {
        Where where = new Where();
        List<String> words = new ArrayList<>();
        List<Clause> clauses = new ArrayList<>();
        if (query.q() != null && !query.q().isBlank() && !query.q().strip().equals("*:*")) {
            StringBuilder free = new StringBuilder();
            for (String word : query.q().strip().split("\\s+")) {
                if (FilterQuery.looksLikeClause(word) && fieldKnown(word)) {
                    clauses.addAll(FilterQuery.parse(word));
                } else {
                    free.append(word).append(' ');
                }
            }
            words.addAll(words(free.toString()));
        }
        for (String fq : query.filters()) {
            clauses.addAll(FilterQuery.parse(fq));
        }
        if (clauses.stream().noneMatch(c -> c.field().equals("state"))) {
            where.add(query.includeDeleted() ? "d.public_state in ('active', 'deleted')" : "d.public_state = 'active'");
        } else {
            where.add("d.public_state is not null");
        }
        for (Clause clause : clauses) {
            where.add(clause);
        }
        StringBuilder score = new StringBuilder("(0");
        for (String word : words) {
            String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.sql.add("d.search_text like ? escape '\\'");
            where.params.add(like);
            score.append(" + case when lower(d.title) like ? escape '\\' then 10 else 1 end");
            where.scoreParams.add(like);
        }
        score.append(')');
        PackageOrder order = PackageOrder.of(query.sort(), !words.isEmpty());
        for (String field : query.facetFields()) {
            if (!FACETS.contains(field)) {
                throw CkanError.searchQuery("cannot facet on " + field + "; facets: " + FACETS);
            }
        }
        boolean indexable = !query.includeDeleted() && order.indexed() && clauses.stream()
                .noneMatch(c -> c.field().equals("state") || c.field().startsWith("metadata_"));
        if (way == Way.INDEX || way == Way.BEST && indexable && index.isPresent() && index.get().ready()) {
            if (!indexable || index.isEmpty()) {
                throw new IllegalArgumentException("the index cannot answer this search");
            }
            return fromIndex(query, words, clauses, order);
        }
        boolean byTime = clauses.stream().anyMatch(c -> c.field().startsWith("metadata_"));
        String orderBy = order.sql(words.isEmpty() ? null : score.toString());
        return byTime ? stamps.afterPendingChanges(() -> run(query, where, orderBy, order.scored()))
                : run(query, where, orderBy, order.scored());
    }

    // --- the index -----------------------------------------------------------------------------------------------

    private Result fromIndex(Query query, List<String> words, List<Clause> clauses, PackageOrder order) {
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        match.add(new MatchAllDocsQuery(), Occur.FILTER);  // so that a search of exclusions only matches
        for (String word : words) {
            // scores 1 per word, 10 where it is in the title, as SQL's relevance
            match.add(new ConstantScoreQuery(PackageIndex.containing(word, false)), Occur.MUST);
            match.add(new BoostQuery(new ConstantScoreQuery(PackageIndex.containing(word, true)), 9), Occur.SHOULD);
        }
        for (Clause clause : clauses) {
            indexClause(clause, match);
        }
        List<String> counted = query.facetFields().stream().filter(f -> !CONSTANTS.contains(f)).toList();
        PackageIndex.Hits hits = index.orElseThrow().search(match.build(), order.lucene(), query.start(), query.rows(),
                counted);
        List<OpenedDataset> page = List.of();
        if (!hits.ids().isEmpty()) {
            // read from the database by id, in the index's order; one withdrawn meanwhile is no longer shown
            Map<Long, OpenedDataset> rows = new HashMap<>();
            datasets.select(" from open_dataset d where d.public_state = 'active' and d.id in ("
                    + Where.marks(hits.ids().size()) + ")", new ArrayList<>(hits.ids()))
                    .forEach(d -> rows.put(d.id(), d));
            page = hits.ids().stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String field : query.facetFields()) {
            List<FacetCount> counts = CONSTANTS.contains(field) ? constantFacet(field, hits.count())
                    : hits.facets().getOrDefault(field, List.of());
            facets.put(field, trimmed(counts, query.facetLimit(), query.facetMinCount()));
        }
        return new Result(hits.count(), page, facets);
    }

    /** A clause as the index's condition, meaning what {@link Where#add(Clause)} means in SQL. */
    private void indexClause(Clause clause, BooleanQuery.Builder match) {
        String field = clause.field();
        org.apache.lucene.search.Query condition;
        org.apache.lucene.search.Query having = null;  // SQL's not (x in ...) is false where x is null
        if (field.equals("text")) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            all.add(new MatchAllDocsQuery(), Occur.FILTER);
            for (String value : clause.values()) {
                for (String word : words(value)) {
                    all.add(PackageIndex.containing(word, false), Occur.FILTER);
                }
            }
            condition = all.build();
        } else if (CONSTANTS.contains(field)) {
            condition = constantMatches(clause) ? new MatchAllDocsQuery() : new MatchNoDocsQuery();
        } else if (clause.any()) {
            condition = new FieldExistsQuery(PackageIndex.sortable(field));
        } else {
            String indexField = field.equals("tags") ? PackageIndex.TAGS : field;
            List<BytesRef> terms = clause.values().stream()
                    .map(v -> new BytesRef(field.equals("tags") ? v : v.toLowerCase(Locale.ROOT))).toList();
            condition = new TermInSetQuery(indexField, terms);
            having = field.equals("tags") ? null : new FieldExistsQuery(PackageIndex.sortable(field));
        }
        if (clause.excluded()) {
            match.add(condition, Occur.MUST_NOT);
            if (having != null) {
                match.add(having, Occur.FILTER);
            }
        } else {
            match.add(condition, Occur.FILTER);
        }
    }

    // --- SQL -----------------------------------------------------------------------------------------------------

    private Result run(Query query, Where where, String orderBy, boolean scored) {
        String from = " from open_dataset d left join open_usage u on u.open_dataset_id = d.id where " + where.sql();
        long count = jdbc.sql("select count(*)" + from).params(where.params).query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params);
        if (scored) {
            params.addAll(where.scoreParams);
        }
        params.add(query.rows());
        params.add(query.start());
        List<OpenedDataset> page = query.rows() == 0 ? List.of()
                : datasets.select(from + " order by " + orderBy + " limit ? offset ?", params);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String field : query.facetFields()) {
            facets.put(field, facet(field, where, query.facetLimit(), query.facetMinCount()));
        }
        return new Result(count, page, facets);
    }

    private List<FacetCount> facet(String field, Where where, int limit, int minCount) {
        List<FacetCount> counts;
        String from = " from open_dataset d left join open_usage u on u.open_dataset_id = d.id";
        switch (field) {
            case "tags" -> counts = jdbc.sql("select t.tag, count(*)" + from + " join open_dataset_tag t on"
                    + " t.open_dataset_id = d.id where " + where.sql() + " group by t.tag").params(where.params)
                    .query((rs, n) -> new FacetCount(rs.getString(1), rs.getLong(2), null)).list();
            case "organization" -> counts = jdbc.sql("select d.organization, min(d.department_id), count(*)" + from
                    + " where " + where.sql() + " group by d.organization").params(where.params)
                    .query((rs, n) -> new FacetCount(rs.getString(1), rs.getLong(3), rs.getLong(2))).list();
            case "res_format", "license_id" -> {
                long all = jdbc.sql("select count(*)" + from + " where " + where.sql()).params(where.params)
                        .query(Long.class).single();
                counts = constantFacet(field, all);
            }
            default -> counts = jdbc.sql("select " + COLUMNS.get(field) + ", count(*)" + from + " where " + where.sql()
                    + " and " + COLUMNS.get(field) + " is not null group by " + COLUMNS.get(field)).params(where.params)
                    .query((rs, n) -> new FacetCount(rs.getString(1), rs.getLong(2), null)).list();
        }
        return trimmed(counts, limit, minCount);
    }

    /** A facet whose one value every dataset has. */
    private List<FacetCount> constantFacet(String field, long matches) {
        return matches == 0 ? List.of()
                : List.of(new FacetCount(field.equals("res_format") ? "CSV" : settings.licenseId(), matches, null));
    }

    /** The counts as CKAN shows them: at least the minimum, most first, then by value, at most the limit. */
    private static List<FacetCount> trimmed(List<FacetCount> counts, int limit, int minCount) {
        return counts.stream().filter(c -> c.count() >= minCount)
                .sorted(java.util.Comparator.comparingLong(FacetCount::count).reversed()
                        .thenComparing(FacetCount::value))
                .limit(limit < 0 ? Long.MAX_VALUE : limit).toList();
    }

    private static boolean fieldKnown(String word) {
        String field = word.replaceFirst("^[+-]", "");
        field = field.substring(0, field.indexOf(':'));
        return COLUMNS.containsKey(field) || CONSTANTS.contains(field) || field.equals("tags")
                || field.equals("text");
    }

    /** Whether a clause on a field with one value for every dataset matches them all (else none). */
    private boolean constantMatches(Clause clause) {
        String constant = switch (clause.field()) {
            case "res_format" -> "csv";
            case "license_id" -> settings.licenseId().toLowerCase(Locale.ROOT);
            case "capacity" -> "public";
            default -> "dataset";
        };
        return clause.any() || clause.values().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(constant));
    }

    /** The words of free text, as the Chinese analyser cuts them, lower-cased. */
    List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("q", new StringReader(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString().toLowerCase(Locale.ROOT).strip();
                if (!word.isEmpty() && words.size() < 20) {
                    words.add(word);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(words);
    }

    /** The where clause under construction, with its parameters (and the relevance's, which come first). */
    private final class Where {

        final List<String> sql = new ArrayList<>();
        final List<Object> params = new ArrayList<>();
        final List<Object> scoreParams = new ArrayList<>();

        void add(String condition) {
            sql.add(condition);
        }

        String sql() {
            return String.join(" and ", sql);
        }

        void add(Clause clause) {
            String field = clause.field().equals("text") ? "text" : clause.field();
            String condition;
            List<Object> conditionParams = new ArrayList<>();
            if (field.equals("text")) {
                List<String> parts = new ArrayList<>();
                for (String value : clause.values()) {
                    for (String word : words(value)) {
                        parts.add("d.search_text like ? escape '\\'");
                        conditionParams.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                    }
                }
                condition = parts.isEmpty() ? "1 = 1" : "(" + String.join(" and ", parts) + ")";
            } else if (CONSTANTS.contains(field)) {
                condition = constantMatches(clause) ? "1 = 1" : "1 = 0";
            } else if (field.equals("tags")) {
                if (clause.any()) {
                    condition = "exists (select 1 from open_dataset_tag t where t.open_dataset_id = d.id)";
                } else {
                    condition = "exists (select 1 from open_dataset_tag t where t.open_dataset_id = d.id and t.tag in ("
                            + marks(clause.values().size()) + "))";
                    conditionParams.addAll(clause.values());
                }
            } else {
                String column = COLUMNS.get(field);
                if (column == null) {
                    throw CkanError.searchQuery("undefined field " + field);
                }
                boolean time = field.startsWith("metadata_");
                if (clause.range()) {
                    if (!time) {
                        throw CkanError.searchQuery("ranges are on metadata_modified and metadata_created only");
                    }
                    List<String> parts = new ArrayList<>();
                    parts.add(column + " is not null");
                    range(column, clause.from(), true, parts, conditionParams);
                    range(column, clause.to(), false, parts, conditionParams);
                    condition = "(" + String.join(" and ", parts) + ")";
                } else if (clause.any()) {
                    condition = column + " is not null";
                } else if (time) {
                    List<String> parts = new ArrayList<>();
                    for (String value : clause.values()) {
                        parts.add(column + " = ?");
                        conditionParams.add(OffsetDateTime.ofInstant(FilterQuery.instant(value), ZoneOffset.UTC));
                    }
                    condition = "(" + String.join(" or ", parts) + ")";
                } else {
                    condition = "lower(" + column + ") in (" + marks(clause.values().size()) + ")";
                    clause.values().forEach(v -> conditionParams.add(v.toLowerCase(Locale.ROOT)));
                }
            }
            sql.add(clause.excluded() ? "not " + condition : condition);
            params.addAll(conditionParams);
        }

        private static void range(String column, Bound bound, boolean lower, List<String> parts, List<Object> params) {
            if (bound == null) {
                return;
            }
            String op = lower ? (bound.inclusive() ? ">=" : ">") : (bound.inclusive() ? "<=" : "<");
            parts.add(column + " " + op + " ?");
            params.add(OffsetDateTime.ofInstant(bound.at(), ZoneOffset.UTC));
        }

        static String marks(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }
    }
}

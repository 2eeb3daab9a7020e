package cn.govdata.open.ckan;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.open.ckan.FilterQuery.Bound;
import cn.govdata.open.ckan.FilterQuery.Clause;
import cn.govdata.open.release.ChangeStamps;
import cn.govdata.open.release.OpenSettings;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;

/**
 * {@code package_search} over the opened datasets, in SQL on the platform's database (the same on every node):
 * free text is cut into words by Lucene's Chinese analyser (the one the catalog's search uses) and every word must
 * occur in the dataset's name, summary, department, subject, data items or code; a word in the name counts ten
 * times as much for the relevance. Filters are Solr clauses on the fields CKAN clients use; facets count the
 * datasets matching the query per value. A search by {@code metadata_modified} first waits for changes being
 * stamped to commit ({@link ChangeStamps#afterPendingChanges}), so a harvester asking up to now misses none.
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
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("metadata_modified", "d.metadata_modified"), Map.entry("metadata_created", "d.metadata_created"),
            Map.entry("name", "d.name"), Map.entry("title_string", "d.title"), Map.entry("title", "d.title"),
            Map.entry("id", "d.package_id"), Map.entry("view_count", "coalesce(u.views, 0)"),
            Map.entry("download_count", "coalesce(u.downloads, 0)"), Map.entry("api_call_count", "coalesce(u.api_calls, 0)"));

    private final JdbcClient jdbc;
    private final OpenedDatasets datasets;
    private final ChangeStamps stamps;
    private final OpenSettings settings;
    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

    PackageSearch(JdbcClient jdbc, OpenedDatasets datasets, ChangeStamps stamps, OpenSettings settings) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.stamps = stamps;
        this.settings = settings;
    }

    public Result search(Query query) {
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
        Order order = order(query.sort(), !words.isEmpty(), score.toString());
        boolean byTime = clauses.stream().anyMatch(c -> c.field().startsWith("metadata_"));
        return byTime ? stamps.afterPendingChanges(() -> run(query, where, order)) : run(query, where, order);
    }

    private Result run(Query query, Where where, Order order) {
        String from = " from open_dataset d left join open_usage u on u.open_dataset_id = d.id where " + where.sql();
        long count = jdbc.sql("select count(*)" + from).params(where.params).query(Long.class).single();
        List<Object> params = new ArrayList<>(where.params);
        if (order.scored()) {
            params.addAll(where.scoreParams);
        }
        params.add(query.rows());
        params.add(query.start());
        List<OpenedDataset> page = query.rows() == 0 ? List.of()
                : datasets.select(from + " order by " + order.sql() + " limit ? offset ?", params);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String field : query.facetFields()) {
            facets.put(field, facet(field, where, query.facetLimit(), query.facetMinCount()));
        }
        return new Result(count, page, facets);
    }

    /** An order by clause, and whether it holds the relevance (whose parameters then follow the where clause's). */
    private record Order(String sql, boolean scored) {
    }

    private List<FacetCount> facet(String field, Where where, int limit, int minCount) {
        if (!FACETS.contains(field)) {
            throw CkanError.searchQuery("cannot facet on " + field + "; facets: " + FACETS);
        }
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
                counts = all == 0 ? List.of()
                        : List.of(new FacetCount(field.equals("res_format") ? "CSV" : settings.licenseId(), all, null));
            }
            default -> counts = jdbc.sql("select " + COLUMNS.get(field) + ", count(*)" + from + " where " + where.sql()
                    + " and " + COLUMNS.get(field) + " is not null group by " + COLUMNS.get(field)).params(where.params)
                    .query((rs, n) -> new FacetCount(rs.getString(1), rs.getLong(2), null)).list();
        }
        return counts.stream().filter(c -> c.count() >= minCount)
                .sorted(java.util.Comparator.comparingLong(FacetCount::count).reversed()
                        .thenComparing(FacetCount::value))
                .limit(limit < 0 ? Long.MAX_VALUE : limit).toList();
    }

    private static Order order(List<Sort> sorts, boolean scored, String score) {
        List<String> terms = new ArrayList<>();
        boolean byId = false;
        boolean byScore = false;
        for (Sort sort : sorts) {
            String column;
            if (sort.field().equals("score") || sort.field().equals("rank")) {
                if (byScore) {
                    continue;
                }
                column = score;
                byScore = true;
            } else {
                column = SORTS.get(sort.field());
                if (column == null) {
                    throw CkanError.search("cannot sort on " + sort.field() + "; sort fields: score, " + SORTS.keySet());
                }
            }
            byId |= sort.field().equals("id");
            terms.add(column + (sort.descending() ? " desc" : " asc"));
        }
        if (terms.isEmpty()) {
            // emergency data first (OPN-7), when no order is asked for
            terms.add("case when exists (select 1 from open_emergency e where e.dataset_id = d.id"
                    + " and e.lifted_at is null) then 0 else 1 end asc");
            byScore = scored;
            terms.add(scored ? score + " desc" : "d.metadata_modified desc");
        }
        if (!byId) {
            terms.add("d.package_id asc");  // a stable order, so that paging neither repeats nor skips
        }
        return new Order(String.join(", ", terms), byScore);
    }

    private static boolean fieldKnown(String word) {
        String field = word.replaceFirst("^[+-]", "");
        field = field.substring(0, field.indexOf(':'));
        return COLUMNS.containsKey(field) || CONSTANTS.contains(field) || field.equals("tags")
                || field.equals("text");
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
                String constant = switch (field) {
                    case "res_format" -> "csv";
                    case "license_id" -> settings.licenseId().toLowerCase(Locale.ROOT);
                    case "capacity" -> "public";
                    default -> "dataset";
                };
                boolean matches = clause.any() || clause.values().stream()
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(constant));
                condition = matches ? "1 = 1" : "1 = 0";
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

        private static String marks(int n) {
            return String.join(", ", java.util.Collections.nCopies(n, "?"));
        }
    }
}

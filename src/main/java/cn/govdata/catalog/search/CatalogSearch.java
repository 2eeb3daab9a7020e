package cn.govdata.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.catalog.entry.CatalogLabels;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.WholeNumber;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ListParameter;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;

/**
 * Full-text search of the published catalog with facets (CAT-9). Every authenticated actor — a department's
 * user or a connected system — sees the published, non-retired entries of its own region.
 *
 * <p>The query text is cut into words by the same analyzer as the index and never parsed as a query language,
 * so no input can make it fail. Each word must occur in at least one field (name ×4, data item Chinese names
 * ×1.5, summary, department name, resource code, data item identifiers ×0.5), or, for a Chinese word, inside a
 * longer word of the name (×2), a data item (×0.8) or the summary (×0.5) by its character pairs (see
 * {@link ChineseText}); the words in order in the name score extra; the exact resource code matches on its own.
 * Without words, everything is listed by code.
 * Facet counts are those of the query with every filter applied.
 */
@Service
@ConditionalOnWebApplication
class CatalogSearch {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_TERMS = 32;
    static final int MAX_SIZE = 100;
    /** Deeper pages than this are refused: narrow the query instead. */
    static final int MAX_WINDOW = 10_000;
    static final int MAX_FACET_VALUES = 100;
    private static final int SUMMARY_LENGTH = 120;
    private static final Pattern SUBJECT = Pattern.compile("[123]\\d{2}");

    /** The filters are ORed within a dimension and ANDed across dimensions; empty lists filter nothing. */
    record Request(String q, List<Long> departmentIds, List<Category> categories, List<String> subjects,
            List<ShareType> shareTypes, List<OpenType> openTypes, List<ResourceFormat> formats,
            List<UpdateCycle> updateCycles, int page, int size) {

        Request {
            q = q == null ? "" : q.strip();
            departmentIds = List.copyOf(departmentIds == null ? List.of() : departmentIds);
            categories = List.copyOf(categories == null ? List.of() : categories);
            subjects = List.copyOf(subjects == null ? List.of() : subjects);
            shareTypes = List.copyOf(shareTypes == null ? List.of() : shareTypes);
            openTypes = List.copyOf(openTypes == null ? List.of() : openTypes);
            formats = List.copyOf(formats == null ? List.of() : formats);
            updateCycles = List.copyOf(updateCycles == null ? List.of() : updateCycles);
        }
    }

    /**
     * A search as the API receives it: each filter as its values, each repeated or separated by commas; read and
     * checked by {@link #search(Actor, Parameters)}.
     */
    record Parameters(String q, List<String> departmentId, List<String> category, List<String> subject,
            List<String> shareType, List<String> openType, List<String> format, List<String> updateCycle, int page,
            int size) {
    }

    /** Highlighted fragments: HTML-escaped text with the matched words in {@code <em>}. */
    record Highlights(String name, String summary) {
    }

    /** The lower platform an entry came from (SHR-10). */
    record Origin(String platform, String baseUrl) {
    }

    /**
     * @param departmentId null for an entry of a lower platform (its department is not one of this platform's)
     * @param origin the lower platform the entry came from; null (written out) for this platform's own entries
     */
    record Hit(long id, String resourceCode, int version, String name, String summary, Highlights highlights,
            Long departmentId, String departmentName, String classificationCode, String shareType,
            String shareTypeName, String openType, String openTypeName, String format, String formatName,
            String updateCycle, String updateCycleName, Float score,
            @JsonInclude(JsonInclude.Include.ALWAYS) Origin origin) {
    }

    record FacetValue(String value, String label, long count) {
    }

    /**
     * @param sort {@code relevance} for a query with words, else {@code resourceCode}
     * @param facets per dimension (named as the query parameters), values by descending count
     */
    record Result(String q, long total, int page, int size, String sort, List<Hit> items,
            Map<String, List<FacetValue>> facets) {
    }

    private static final Map<String, Float> FIELDS = fields();

    private static Map<String, Float> fields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(CatalogIndex.NAME, 4f);
        fields.put(CatalogIndex.ITEMS, 1.5f);
        fields.put(CatalogIndex.SUMMARY, 1f);
        fields.put(CatalogIndex.DEPARTMENT_NAME, 1f);
        fields.put(CatalogIndex.CODE_TEXT, 1f);
        fields.put(CatalogIndex.ITEM_IDS, 0.5f);
        return fields;
    }

    /** Chinese words inside longer words: lower than a whole word in the same field. */
    private static final Map<String, Float> PAIR_FIELDS = Map.of(CatalogIndex.NAME_PAIRS, 2f, CatalogIndex.ITEMS_PAIRS,
            0.8f, CatalogIndex.SUMMARY_PAIRS, 0.5f);

    private static Query pairQuery(String field, List<String> pairs) {
        if (pairs.size() == 1) {
            return new TermQuery(new Term(field, pairs.get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        pairs.forEach(pair -> phrase.add(new Term(field, pair)));
        return phrase.build();
    }

    private final CatalogIndex index;
    private final Directory directory;
    private final CatalogLabels labels;

    CatalogSearch(CatalogIndex index, Directory directory, CatalogLabels labels) {
        this.index = index;
        this.directory = directory;
        this.labels = labels;
    }

    /**
     * Searches the actor's region; bad parameters are refused with the parameter's name. The entries of lower
     * platforms are searched by the data authority's users and systems, who oversee the whole cascade, and by the
     * departments' data users, who apply for them through this platform (SHR-10).
     */
    Result search(Actor actor, Parameters parameters) {
        return search(actor.regionId(), actor.authority() || actor.has(Role.DATA_USER), request(parameters));
    }

    static Request request(Parameters p) {
        if (p.q() != null && p.q().strip().length() > MAX_QUERY_LENGTH) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, "q", MAX_QUERY_LENGTH);
        }
        if (p.page() < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "page", p.page() + " (0 or more)");
        }
        if (p.size() < 1 || p.size() > MAX_SIZE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "size", p.size() + " (1 to " + MAX_SIZE + ")");
        }
        if ((long) (p.page() + 1) * p.size() > MAX_WINDOW) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "page",
                    p.page() + " (only the first " + MAX_WINDOW + " hits can be paged; narrow the query)");
        }
        return new Request(p.q(),
                ListParameter.parse("departmentId", p.departmentId(), CatalogSearch::departmentId),
                ListParameter.parse("category", p.category(), CatalogSearch::category),
                ListParameter.parse("subject", p.subject(), CatalogSearch::subject),
                ListParameter.enums("shareType", p.shareType(), ShareType.class),
                ListParameter.enums("openType", p.openType(), OpenType.class),
                ListParameter.enums("format", p.format(), ResourceFormat.class),
                ListParameter.enums("updateCycle", p.updateCycle(), UpdateCycle.class), p.page(), p.size());
    }

    private static Long departmentId(String value) {
        try {
            return WholeNumber.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ListParameter.Refused("a department id");
        }
    }

    private static Category category(String value) {
        Category byDigit = CatalogLabels.categoryOfDigit(value);
        if (byDigit != null) {
            return byDigit;
        }
        try {
            return Category.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ListParameter.Refused("1, 2, 3 or " + Arrays.toString(Category.values()));
        }
    }

    private static String subject(String value) {
        if (!SUBJECT.matcher(value).matches()) {
            throw new ListParameter.Refused("category digit and two-digit subject, e.g. 101");
        }
        return value;
    }

    /** Searches a region, with the entries of lower platforms. */
    Result search(long regionId, Request request) {
        return search(regionId, true, request);
    }

    Result search(long regionId, boolean withForeign, Request request) {
        List<String> words = ChineseText.tokens(request.q()).stream().map(ChineseText.Token::term).distinct()
                .limit(MAX_TERMS).toList();
        boolean byRelevance = !request.q().isEmpty();
        DrillDownQuery query = new DrillDownQuery(index.facetsConfig(),
                baseQuery(regionId, withForeign, request.q(), words));
        request.departmentIds().forEach(id -> query.add(CatalogIndex.DEPARTMENT, Long.toString(id)));
        request.categories().forEach(c -> query.add(CatalogIndex.CATEGORY, c.digit()));
        request.subjects().forEach(s -> query.add(CatalogIndex.SUBJECT, s));
        addAll(query, CatalogIndex.SHARE_TYPE, request.shareTypes());
        addAll(query, CatalogIndex.OPEN_TYPE, request.openTypes());
        addAll(query, CatalogIndex.FORMAT, request.formats());
        addAll(query, CatalogIndex.UPDATE_CYCLE, request.updateCycles());

        int wanted = Math.max(1, (request.page() + 1) * request.size());
        IndexSearcher searcher = index.acquire();
        try {
            FacetsCollectorManager.FacetsResult found = byRelevance
                    ? FacetsCollectorManager.search(searcher, query, wanted, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, wanted, BY_CODE, new FacetsCollectorManager());
            FacetsCollector collector = found.facetsCollector();
            long total = collector.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
            Map<Long, String> departments = departmentNames(regionId);
            Set<String> highlightTerms = Set.copyOf(words);
            List<Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            ScoreDoc[] docs = found.topDocs().scoreDocs;
            for (int i = request.page() * request.size(); i < docs.length; i++) {
                hits.add(hit(stored.document(docs[i].doc), byRelevance ? docs[i].score : null, highlightTerms,
                        departments));
            }
            return new Result(request.q(), total, request.page(), request.size(),
                    byRelevance ? "relevance" : "resourceCode", hits, facets(searcher, collector, departments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static final Sort BY_CODE = new Sort(
            KeywordField.newSortField(CatalogIndex.CODE, false, SortedSetSelector.Type.MIN));

    private static Query baseQuery(long regionId, boolean withForeign, String q, List<String> words) {
        BooleanQuery.Builder base = new BooleanQuery.Builder();
        base.add(KeywordField.newExactQuery(CatalogIndex.REGION, Long.toString(regionId)), Occur.FILTER);
        if (!withForeign) {
            base.add(KeywordField.newExactQuery(CatalogIndex.FOREIGN, "true"), Occur.MUST_NOT);
        }
        if (q.isEmpty()) {
            base.add(new MatchAllDocsQuery(), Occur.MUST);
            return base.build();
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        if (!words.isEmpty()) {
            BooleanQuery.Builder allWords = new BooleanQuery.Builder();
            for (String word : words) {
                List<Query> perField = new ArrayList<>();
                FIELDS.forEach((field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, word)), boost)));
                List<String> pairs = ChineseText.pairs(word);
                if (!pairs.isEmpty()) {
                    PAIR_FIELDS.forEach((field, boost) -> perField.add(new BoostQuery(pairQuery(field, pairs), boost)));
                }
                allWords.add(new DisjunctionMaxQuery(perField, 0.1f), Occur.MUST);
            }
            if (words.size() > 1) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
                words.forEach(word -> phrase.add(new Term(CatalogIndex.NAME, word)));
                allWords.add(new BoostQuery(phrase.build(), 2f), Occur.SHOULD);
            }
            matches.add(allWords.build(), Occur.SHOULD);
        }
        matches.add(new BoostQuery(new TermQuery(new Term(CatalogIndex.CODE, q)), 10f), Occur.SHOULD);
        base.add(matches.build(), Occur.MUST);
        return base.build();
    }

    private static void addAll(DrillDownQuery query, String dimension, List<? extends Enum<?>> values) {
        values.forEach(value -> query.add(dimension, value.name()));
    }

    private Map<Long, String> departmentNames(long regionId) {
        Map<Long, String> names = new java.util.HashMap<>();
        for (DepartmentInfo department : directory.departments(regionId)) {
            names.put(department.id(), department.name());
        }
        return names;
    }

    private Hit hit(Document doc, Float score, Set<String> terms, Map<Long, String> departments) {
        String name = doc.get(CatalogIndex.NAME);
        String summary = doc.get(CatalogIndex.SUMMARY);
        var departmentField = doc.getField(CatalogIndex.DEPARTMENT_ID);
        Long departmentId = departmentField == null ? null : departmentField.numericValue().longValue();
        String originPlatform = doc.get(CatalogIndex.ORIGIN_PLATFORM);
        Origin origin = originPlatform == null ? null : new Origin(originPlatform, doc.get(CatalogIndex.ORIGIN_BASE_URL));
        String nameHighlight = ChineseText.highlight(name, terms, Integer.MAX_VALUE);
        String summaryHighlight = ChineseText.highlight(summary, terms, SUMMARY_LENGTH);
        Highlights highlights = nameHighlight == null && summaryHighlight == null ? null
                : new Highlights(nameHighlight, summaryHighlight);
        ShareType shareType = parse(ShareType::valueOf, doc.get(CatalogIndex.SHARE_TYPE));
        OpenType openType = parse(OpenType::valueOf, doc.get(CatalogIndex.OPEN_TYPE));
        ResourceFormat format = parse(ResourceFormat::valueOf, doc.get(CatalogIndex.FORMAT));
        UpdateCycle cycle = parse(UpdateCycle::valueOf, doc.get(CatalogIndex.UPDATE_CYCLE));
        return new Hit(Long.parseLong(doc.get(CatalogIndex.ID)), doc.get(CatalogIndex.CODE),
                doc.getField(CatalogIndex.VERSION).numericValue().intValue(), name,
                ChineseText.abbreviate(summary, SUMMARY_LENGTH), highlights, departmentId,
                departmentId == null ? doc.get(CatalogIndex.DEPARTMENT_NAME)
                        : departments.getOrDefault(departmentId, doc.get(CatalogIndex.DEPARTMENT_NAME)),
                doc.get(CatalogIndex.CLASSIFICATION), name(shareType), labels.shareType(shareType), name(openType),
                labels.openType(openType), name(format), CatalogLabels.format(format), name(cycle),
                CatalogLabels.updateCycle(cycle), score, origin);
    }

    private Map<String, List<FacetValue>> facets(IndexSearcher searcher, FacetsCollector collector,
            Map<Long, String> departments) throws IOException {
        Map<String, List<FacetValue>> result = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = index.facetState(searcher.getIndexReader());
        Facets counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, collector);
        for (String dimension : CatalogIndex.DIMENSIONS) {
            List<FacetValue> values = new ArrayList<>();
            FacetResult top = null;
            if (counts != null) {
                try {
                    top = counts.getTopChildren(MAX_FACET_VALUES, dimension);
                } catch (IllegalArgumentException e) {
                    top = null; // no document has this dimension
                }
            }
            if (top != null) {
                for (LabelAndValue value : top.labelValues) {
                    values.add(new FacetValue(value.label, label(dimension, value.label, departments),
                            value.value.longValue()));
                }
            }
            result.put(dimension, values);
        }
        return result;
    }

    private String label(String dimension, String value, Map<Long, String> departments) {
        try {
            return switch (dimension) {
                case CatalogIndex.DEPARTMENT -> departments.get(Long.parseLong(value));
                case CatalogIndex.CATEGORY -> CatalogLabels.category(CatalogLabels.categoryOfDigit(value));
                case CatalogIndex.SUBJECT -> CatalogLabels.subject(value);
                case CatalogIndex.SHARE_TYPE -> labels.shareType(ShareType.valueOf(value));
                case CatalogIndex.OPEN_TYPE -> labels.openType(OpenType.valueOf(value));
                case CatalogIndex.FORMAT -> CatalogLabels.format(ResourceFormat.valueOf(value));
                case CatalogIndex.UPDATE_CYCLE -> CatalogLabels.updateCycle(UpdateCycle.valueOf(value));
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null; // a value of an older vocabulary
        }
    }

    private static <E extends Enum<E>> E parse(Function<String, E> valueOf, String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf.apply(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

package cn.govdata.open.ckan;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Counts the matches of a search of the {@link PackageIndex} and the values of the facets asked for, in one pass
 * over the matching documents, from doc values: per field, per value, the count (and for an organisation its
 * least department id, as SQL's {@code min(department_id)}).
 */
final class FacetCounting implements CollectorManager<FacetCounting.FacetCollector, FacetCounting.Counts> {

    /** The matching count and the raw (unsorted, uncut) counts per facet field. */
    record Counts(long matches, Map<String, List<PackageSearch.FacetCount>> facets) {
    }

    private final List<String> fields;

    FacetCounting(List<String> fields) {
        this.fields = fields.stream().filter(f -> f.equals(PackageIndex.TAGS) || PackageIndex.KEYWORDS.contains(f))
                .distinct().toList();
    }

    @Override
    public FacetCollector newCollector() {
        return new FacetCollector(fields);
    }

    @Override
    public Counts reduce(Collection<FacetCollector> collectors) {
        long matches = 0;
        Map<String, Map<String, long[]>> merged = new HashMap<>();
        for (FacetCollector collector : collectors) {
            matches += collector.matches;
            collector.counts.forEach((field, values) -> {
                Map<String, long[]> into = merged.computeIfAbsent(field, f -> new HashMap<>());
                values.forEach((value, c) -> into.merge(value, c,
                        (a, b) -> new long[] { a[0] + b[0], Math.min(a[1], b[1]) }));
            });
        }
        Map<String, List<PackageSearch.FacetCount>> facets = new HashMap<>();
        for (String field : fields) {
            facets.put(field, merged.getOrDefault(field, Map.of()).entrySet().stream()
                    .map(e -> new PackageSearch.FacetCount(e.getKey(), e.getValue()[0],
                            field.equals("organization") ? e.getValue()[1] : null))
                    .toList());
        }
        return new Counts(matches, facets);
    }

    static final class FacetCollector implements Collector {

        private final List<String> fields;
        /** field → value → {count, least department id} */
        final Map<String, Map<String, long[]>> counts = new HashMap<>();
        long matches;

        FacetCollector(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            int n = fields.size();
            SortedDocValues[] single = new SortedDocValues[n];
            SortedSetDocValues[] multi = new SortedSetDocValues[n];
            long[][] ordCounts = new long[n][];
            long[][] departments = new long[n][];
            NumericDocValues department = reader.getNumericDocValues(PackageIndex.DEPARTMENT);
            for (int i = 0; i < n; i++) {
                String field = fields.get(i);
                if (field.equals(PackageIndex.TAGS)) {
                    multi[i] = reader.getSortedSetDocValues(PackageIndex.sortable(PackageIndex.TAGS));
                    ordCounts[i] = new long[multi[i] == null ? 0 : (int) multi[i].getValueCount()];
                } else {
                    single[i] = reader.getSortedDocValues(PackageIndex.sortable(field));
                    ordCounts[i] = new long[single[i] == null ? 0 : single[i].getValueCount()];
                    if (field.equals("organization")) {
                        departments[i] = new long[ordCounts[i].length];
                        java.util.Arrays.fill(departments[i], Long.MAX_VALUE);
                    }
                }
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    matches++;
                    for (int i = 0; i < n; i++) {
                        if (single[i] != null && single[i].advanceExact(doc)) {
                            int ord = single[i].ordValue();
                            ordCounts[i][ord]++;
                            if (departments[i] != null && department != null && department.advanceExact(doc)) {
                                departments[i][ord] = Math.min(departments[i][ord], department.longValue());
                            }
                        } else if (multi[i] != null && multi[i].advanceExact(doc)) {
                            for (int k = 0; k < multi[i].docValueCount(); k++) {
                                ordCounts[i][(int) multi[i].nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < n; i++) {
                        Map<String, long[]> into = counts.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                        for (int ord = 0; ord < ordCounts[i].length; ord++) {
                            if (ordCounts[i][ord] == 0) {
                                continue;
                            }
                            BytesRef value = single[i] != null ? single[i].lookupOrd(ord) : multi[i].lookupOrd(ord);
                            long[] c = { ordCounts[i][ord], departments[i] == null ? 0 : departments[i][ord] };
                            into.merge(value.utf8ToString(), c,
                                    (a, b) -> new long[] { a[0] + b[0], Math.min(a[1], b[1]) });
                        }
                    }
                }
            };
        }
    }
}

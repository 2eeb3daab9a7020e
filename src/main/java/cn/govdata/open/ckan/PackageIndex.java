package cn.govdata.open.ckan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.govdata.open.release.OpenedDatasetChanged;
import cn.govdata.shared.CacheDrops;
import jakarta.annotation.PreDestroy;

/**
 * The search index of the open datasets the public sees ({@code public_state = 'active'}): one Lucene document per
 * dataset, in {@code <data-dir>/index/open}, so that {@link PackageSearch} answers the common searches without
 * scanning the table. The database stays the truth; the index holds what a search matches, filters, sorts and
 * counts facets on, and the search reads the page's rows from the database by id.
 *
 * <ul>
 * <li>Text keeps the database's match: a word matches where it occurs in the search text (or the title). The
 * search text is indexed as overlapping character pairs, one position per start, and single characters; a word is
 * looked up as a phrase of its pairs (a single character as itself), which matches exactly where it is a
 * substring.</li>
 * <li>Kept current by {@link OpenedDatasetChanged}: the changed rows are read again once their transaction
 * commits and their documents replaced or deleted; the searcher is refreshed before the request returns. The
 * changing transaction also tells the other nodes ({@link CacheDrops#tellOtherNodes}), which do the same.</li>
 * <li>At start-up, and on a schedule, the index's count, sum of ids and latest change are compared with the
 * database's; when they differ it is rebuilt in the background, and searches go to SQL until it is done, as they
 * do after an update of the index failed.</li>
 * </ul>
 */
@Component
@ConditionalOnWebApplication // the command-line verbs must not take the index's write lock
class PackageIndex {

    private static final Logger log = LoggerFactory.getLogger(PackageIndex.class);

    /** Bumped whenever the document layout changes: an index of another layout is recreated. */
    static final String LAYOUT = "2";
    private static final int PAGE = 500;
    private static final String OTHER_NODES_CHANGED = "open.dataset";

    // fields
    static final String ROW = "row";
    static final String ROW_ID = "row_id";
    static final String GENERATION = "generation";
    static final String TEXT_PAIRS = "text_pairs";
    static final String TEXT_CHARS = "text_chars";
    static final String TITLE_PAIRS = "title_pairs";
    static final String TITLE_CHARS = "title_chars";
    static final String MODIFIED = "modified";
    static final String CREATED = "created";
    /** 0 for a dataset flagged as emergency data (OPN-7), pinned first; 1 for the others. */
    static final String PINNED = "pinned";
    static final String DEPARTMENT = "department";
    static final String TAGS = "tags";
    /** Filter fields (lower case, as SQL compares them) named as the clauses' fields. */
    static final Set<String> KEYWORDS = Set.of("id", "name", "title", "organization", "owner_org", "groups",
            "update_cycle", "open_type", "source_format");

    /** A field's values as stored (facets, sorts, whether it has one). */
    static String sortable(String field) {
        return field + ".value";
    }

    /** Matching count, the ids of the page's rows in order, and the raw facet counts asked for. */
    record Hits(long count, List<Long> ids, Map<String, List<PackageSearch.FacetCount>> facets) {

        Hits {
            ids = List.copyOf(ids);
            facets = Map.copyOf(facets);
        }
    }

    /**
     * A search as asked of one state of the index (its reader's version): the same search of the same state finds
     * the same, so its hits are kept while that state lasts, and a change gives a new version (and new keys).
     */
    private record Asked(org.apache.lucene.search.Query query, Sort sort, long start, int rows, List<String> facets,
            long version) {
    }

    /** Recent searches' hits: the portal's home page, its facets and common words are asked again and again. */
    private final com.github.benmanes.caffeine.cache.Cache<Asked, Hits> recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(5_000).build();

    /** What the index and the database each hold: compared to find an index that missed changes. */
    record Fingerprint(long count, long idSum, long latestChange) {
    }

    private record Row(long id, String packageId, String name, String title, String organization, String ownerOrg,
            long departmentId, String groupName, String updateCycle, String openType, String sourceFormat,
            String searchText, OffsetDateTime created, OffsetDateTime modified, int pin) {
    }

    private final Path location;
    private final JdbcClient jdbc;
    private final CacheDrops nodes;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final FSDirectory store;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long generation;
    private volatile boolean ready;
    private volatile boolean dirty;
    private volatile boolean stale;
    private volatile boolean closing;
    private volatile Thread rebuildThread;

    PackageIndex(@Value("${govdata.data-dir}") String dataDir, JdbcClient jdbc, CacheDrops nodes) {
        this.location = Path.of(dataDir, "index", "open").toAbsolutePath();
        this.jdbc = jdbc;
        this.nodes = nodes;
        nodes.onNotice(OTHER_NODES_CHANGED, this::changedOnAnotherNode);
        try {
            Files.createDirectories(location);
            store = FSDirectory.open(location);
            IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                    Map.of(TEXT_PAIRS, grams(2), TITLE_PAIRS, grams(2), TEXT_CHARS, grams(1), TITLE_CHARS, grams(1))));
            Map<String, String> committed = DirectoryReader.indexExists(store)
                    ? SegmentInfos.readLatestCommit(store).getUserData() : null;
            boolean usable = committed != null && LAYOUT.equals(committed.get("layout"));
            config.setOpenMode(usable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(32);
            // kept in the order of a search without words (pinned, newest, id): such a search, the portal's front
            // page and most browsing, stops at its page in each segment instead of comparing every match
            config.setIndexSort(PackageOrder.of(List.of(), false).lucene());
            writer = new IndexWriter(store, config);
            generation = Math.max(usable ? Long.parseLong(committed.getOrDefault("generation", "0")) : 0, 1);
            writer.setLiveCommitData(commitData());
            if (!usable) {
                writer.commit();
            }
            searchers = new SearcherManager(writer, new SearcherFactory());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the open-data search index at " + location
                    + " (is another govdata using this data directory? If not, delete the index directory: it is "
                    + "rebuilt from the database at the next start)", e);
        }
    }

    /** Overlapping runs of n characters, one position per start. */
    private static Analyzer grams(int n) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new NGramTokenizer(n, n));
            }
        };
    }

    private Iterable<Map.Entry<String, String>> commitData() {
        return Map.of("layout", LAYOUT, "generation", Long.toString(generation)).entrySet();
    }

    /** Whether searches may be answered here: built and not known to have missed a change. */
    boolean ready() {
        return ready && !stale;
    }

    // --- searching -----------------------------------------------------------------------------------------

    /**
     * The datasets whose search text (or title) holds the word, as SQL's {@code like '%word%'}: a phrase of the
     * word's character pairs, a single character as itself.
     */
    static Query containing(String word, boolean inTitle) {
        int[] chars = word.codePoints().toArray();
        if (chars.length == 1) {
            return new TermQuery(new Term(inTitle ? TITLE_CHARS : TEXT_CHARS, word));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < chars.length; i++) {
            phrase.add(new Term(inTitle ? TITLE_PAIRS : TEXT_PAIRS, new String(chars, i, 2)), i);
        }
        return phrase.build();
    }

    /**
     * The datasets matching the query: their count, the ids of the page (in the order's sense) and, per facet field
     * asked for, the count of each value among all matches (unsorted, uncut).
     */
    Hits search(Query query, Sort sort, long start, int rows, List<String> facetFields) {
        IndexSearcher searcher = acquire();
        try {
            long version = ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).getVersion();
            return recent.get(new Asked(query, sort, start, rows, List.copyOf(facetFields), version),
                    asked -> searched(searcher, query, sort, start, rows, facetFields));
        } finally {
            release(searcher);
        }
    }

    private Hits searched(IndexSearcher searcher, Query query, Sort sort, long start, int rows,
            List<String> facetFields) {
        try {
            int wanted = (int) Math.max(1, Math.min(start + rows, Math.max(1, searcher.getIndexReader().maxDoc())));
            Object[] results = searcher.search(query, new MultiCollectorManager(
                    new TopFieldCollectorManager(sort, wanted, null, wanted), new FacetCounting(facetFields)));
            TopFieldDocs top = (TopFieldDocs) results[0];
            FacetCounting.Counts counted = (FacetCounting.Counts) results[1];
            List<Long> ids = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (long i = start; i < docs.length && ids.size() < rows; i++) {
                ids.add(rowId(searcher, docs[(int) i]));
            }
            return new Hits(counted.matches(), ids, counted.facets());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rowId(IndexSearcher searcher, ScoreDoc hit) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, leaves));
        NumericDocValues ids = leaf.reader().getNumericDocValues(ROW_ID);
        if (ids == null || !ids.advanceExact(hit.doc - leaf.docBase)) {
            throw new IllegalStateException("an open-data index document without its row id");
        }
        return ids.longValue();
    }

    // --- keeping current -----------------------------------------------------------------------------------

    /** At start-up: rebuild in the background when the index is missing or disagrees with the database. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        checkConsistency("start-up");
    }

    /** Compares with the database; starts a rebuild if they differ. Returns whether they agreed. */
    boolean checkConsistency(String occasion) {
        Fingerprint database = databaseFingerprint();
        Fingerprint index = indexFingerprint();
        if (!database.equals(index) && occasion.equals("periodic check")) {
            // a change may have committed and not yet been re-read: look again before rebuilding everything
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            database = databaseFingerprint();
            index = indexFingerprint();
        }
        if (database.equals(index)) {
            ready = true;
            return true;
        }
        log.info("Open-data index disagrees with the database at {} (index {}, database {}); rebuilding", occasion,
                index, database);
        ready = false;
        rebuildInBackground(occasion);
        return false;
    }

    /**
     * A dataset row was written: in a transaction, its document is replaced once the transaction commits (every row
     * of the transaction at once) and the other nodes are told as it commits; outside one, at once.
     */
    @EventListener
    void onChanged(OpenedDatasetChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tellOtherNodes(List.of(event.id()));
            reindexSafely(List.of(event.id()), "");
            return;
        }
        PendingChanges pending = (PendingChanges) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingChanges();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.ids.add(event.id());
    }

    /** The rows one transaction changed. */
    private final class PendingChanges implements TransactionSynchronization {

        final Set<Long> ids = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            tellOtherNodes(ids);
        }

        @Override
        public void afterCommit() {
            reindexSafely(List.copyOf(ids), "");
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PackageIndex.this);
        }
    }

    /** In the caller's transaction: delivered to the other nodes when it commits (a notice holds 200 ids). */
    private void tellOtherNodes(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 200) {
            nodes.tellOtherNodes(OTHER_NODES_CHANGED, all.subList(from, Math.min(all.size(), from + 200)).stream()
                    .map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    private void changedOnAnotherNode(String ids) {
        reindexSafely(java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).toList(), " changed on another node");
    }

    private void reindexSafely(List<Long> ids, String where) {
        try {
            reindex(ids);
        } catch (RuntimeException e) {
            // the change is committed: never fail the request for the index; searches go to SQL until it is rebuilt
            stale = true;
            log.error("Could not update the open-data index for datasets {}{}; it will be rebuilt", ids, where, e);
        }
    }

    /** Reads the rows again and replaces, or removes, their documents; visible to searches on return. */
    void reindex(List<Long> ids) {
        writing.lock();
        try {
            for (int from = 0; from < ids.size(); from += PAGE) {
                List<Long> slice = ids.subList(from, Math.min(ids.size(), from + PAGE));
                Map<Long, Row> rows = new HashMap<>();
                for (Row row : rows(" and id in (" + marks(slice.size()) + ")", slice)) {
                    rows.put(row.id(), row);
                }
                Map<Long, List<String>> tags = tags(slice);
                for (long id : slice) {
                    Row row = rows.get(id);
                    if (row == null) {
                        writer.deleteDocuments(new Term(ROW, Long.toString(id)));
                    } else {
                        writer.updateDocument(new Term(ROW, Long.toString(id)),
                                document(row, tags.getOrDefault(id, List.of()), generation));
                    }
                }
            }
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
        refresh();
    }

    /** Commits pending changes every few seconds; rebuilds after a failed update. */
    @Scheduled(fixedDelayString = "${govdata.open.index.commit-interval:5s}")
    void commitPending() {
        if (stale && !rebuilding.get()) {
            stale = false;
            ready = false;
            rebuildInBackground("failed update");
        }
        if (dirty && !closing) {
            commit();
        }
    }

    /** A safety net against changes made behind the platform's back (restored backups, manual SQL). */
    @Scheduled(initialDelayString = "${govdata.open.index.check-interval:10m}",
            fixedDelayString = "${govdata.open.index.check-interval:10m}")
    void periodicCheck() {
        if (!rebuilding.get() && !closing) {
            checkConsistency("periodic check");
        }
    }

    private void commit() {
        writing.lock();
        try {
            if (!writer.isOpen()) {
                return;
            }
            dirty = false;
            writer.setLiveCommitData(commitData());
            writer.commit();
        } catch (IOException e) {
            dirty = true;
            log.warn("Could not commit the open-data index", e);
        } finally {
            writing.unlock();
        }
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- rebuilding ----------------------------------------------------------------------------------------

    /** Starts a rebuild on a background thread; false if one is already running. */
    boolean rebuildInBackground(String reason) {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        rebuildThread = Thread.ofPlatform().name("open-index-rebuild").daemon().start(() -> runRebuild(reason));
        return true;
    }

    private void runRebuild(String reason) {
        long started = System.nanoTime();
        try {
            long count = rebuildPages();
            if (!closing) {
                ready = !stale;
                log.info("Open-data index rebuilt ({}): {} datasets in {} ms", reason, count,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException | IOException e) {
            if (!closing) {
                stale = true;
                log.error("Rebuilding the open-data index failed", e);
            }
        } finally {
            rebuilding.set(false);
        }
    }

    /**
     * Writes every dataset's document stamped with a new generation, then deletes the documents of older ones (the
     * datasets no longer public). A change meanwhile is written with the new generation too, under the same lock
     * as a page, so it is never overwritten by a staler copy.
     */
    private long rebuildPages() throws IOException {
        long stamp;
        writing.lock();
        try {
            stamp = Math.max(generation + 1, System.currentTimeMillis());
            generation = stamp;
        } finally {
            writing.unlock();
        }
        long after = 0;
        long count = 0;
        while (!closing) {
            List<Row> page;
            writing.lock();
            try {
                page = rows(" and id > ? order by id limit " + PAGE, List.of(after));
                Map<Long, List<String>> tags = page.isEmpty() ? Map.of() : tags(page.stream().map(Row::id).toList());
                for (Row row : page) {
                    after = row.id();
                    writer.updateDocument(new Term(ROW, Long.toString(row.id())),
                            document(row, tags.getOrDefault(row.id(), List.of()), stamp));
                }
                dirty = true;
            } finally {
                writing.unlock();
            }
            count += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        if (closing) {
            return count;
        }
        writing.lock();
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(GENERATION, Long.MIN_VALUE, stamp - 1));
            writer.setLiveCommitData(commitData());
            writer.commit();
            dirty = false;
        } finally {
            writing.unlock();
        }
        refresh();
        return count;
    }

    // --- documents -----------------------------------------------------------------------------------------

    private List<Row> rows(String conditions, List<Long> params) {
        return jdbc.sql("""
                select id, package_id, name, title, organization, owner_org, department_id, group_name, update_cycle,
                    open_type, source_format, search_text, metadata_created, metadata_modified,
                    """ + PackageOrder.Field.PINNED.column.replace("d.id", "open_dataset.id") + """
                 as pin
                from open_dataset where public_state = 'active'""" + conditions)
                .params(new ArrayList<Object>(params)).query(PackageIndex::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("package_id"), rs.getString("name"), rs.getString("title"),
                rs.getString("organization"), rs.getString("owner_org"), rs.getLong("department_id"),
                rs.getString("group_name"), rs.getString("update_cycle"), rs.getString("open_type"),
                rs.getString("source_format"), rs.getString("search_text"),
                rs.getObject("metadata_created", OffsetDateTime.class),
                rs.getObject("metadata_modified", OffsetDateTime.class), rs.getInt("pin"));
    }

    private Map<Long, List<String>> tags(List<Long> ids) {
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select open_dataset_id, tag from open_dataset_tag where open_dataset_id in (" + marks(ids.size())
                + ")").params(new ArrayList<Object>(ids))
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return tags;
    }

    private static Document document(Row row, List<String> tags, long stamp) {
        Document doc = new Document();
        doc.add(new StringField(ROW, Long.toString(row.id()), Store.NO));
        doc.add(new NumericDocValuesField(ROW_ID, row.id()));
        doc.add(new LongPoint(GENERATION, stamp));
        doc.add(new TextField(TEXT_PAIRS, row.searchText(), Store.NO));
        doc.add(new TextField(TEXT_CHARS, row.searchText(), Store.NO));
        String title = row.title().toLowerCase(Locale.ROOT);  // as SQL's lower(title)
        doc.add(new TextField(TITLE_PAIRS, title, Store.NO));
        doc.add(new TextField(TITLE_CHARS, title, Store.NO));
        keyword(doc, "id", row.packageId());
        keyword(doc, "name", row.name());
        keyword(doc, "title", row.title());
        keyword(doc, "organization", row.organization());
        keyword(doc, "owner_org", row.ownerOrg());
        keyword(doc, "groups", row.groupName());
        keyword(doc, "update_cycle", row.updateCycle());
        keyword(doc, "open_type", row.openType());
        keyword(doc, "source_format", row.sourceFormat());
        doc.add(new NumericDocValuesField(DEPARTMENT, row.departmentId()));
        doc.add(new NumericDocValuesField(PINNED, row.pin()));
        for (String tag : tags) {
            doc.add(new StringField(TAGS, tag, Store.NO));  // tags compare as written
            doc.add(new SortedSetDocValuesField(sortable(TAGS), new BytesRef(tag)));
        }
        if (row.modified() != null) {
            doc.add(new NumericDocValuesField(MODIFIED, micros(row.modified())));
        }
        if (row.created() != null) {
            doc.add(new NumericDocValuesField(CREATED, micros(row.created())));
        }
        return doc;
    }

    /** Lower case for clauses (SQL compares {@code lower(column)}), the value as stored for facets and sorts. */
    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value.toLowerCase(Locale.ROOT), Store.NO));
            doc.add(new SortedDocValuesField(sortable(field), new BytesRef(value)));
        }
    }

    static long micros(OffsetDateTime time) {
        return time.toEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    // --- consistency ---------------------------------------------------------------------------------------

    Fingerprint databaseFingerprint() {
        return jdbc.sql("select count(*), coalesce(sum(id), 0), max(metadata_modified) from open_dataset"
                + " where public_state = 'active'")
                .query((rs, n) -> {
                    OffsetDateTime latest = rs.getObject(3, OffsetDateTime.class);
                    return new Fingerprint(rs.getLong(1), rs.getLong(2), latest == null ? 0 : micros(latest));
                }).single();
    }

    Fingerprint indexFingerprint() {
        IndexSearcher searcher = acquire();
        try {
            long count = 0;
            long ids = 0;
            long latest = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                NumericDocValues row = reader.getNumericDocValues(ROW_ID);
                NumericDocValues modified = reader.getNumericDocValues(MODIFIED);
                if (row == null) {
                    continue;
                }
                for (int doc = row.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = row.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    count++;
                    ids += row.longValue();
                    if (modified != null && modified.advanceExact(doc)) {
                        latest = Math.max(latest, modified.longValue());
                    }
                }
            }
            return new Fingerprint(count, ids, latest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Waits for a rebuild under way (tests, the benchmark); true when the index then answers searches. */
    boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while ((!ready() || rebuilding.get()) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return ready();
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- closing -------------------------------------------------------------------------------------------

    @PreDestroy
    void close() {
        closing = true;
        Thread thread = rebuildThread;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writing.lock();
        try {
            searchers.close();
            writer.setLiveCommitData(commitData());
            writer.close(); // commits
            store.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not close the open-data index cleanly; it is checked at the next start", e);
        } finally {
            writing.unlock();
        }
    }
}

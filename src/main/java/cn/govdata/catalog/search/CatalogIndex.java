package cn.govdata.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.CatalogEntryChanged;
import cn.govdata.catalog.entry.ForeignEntryChanged;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.shared.CacheDrops;
import cn.govdata.shared.replica.ReplicaReads;
import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full-text index of the published catalog (CAT-9): one Lucene document per published, non-retired entry,
 * holding its published version, and one per entry received from a lower platform and not retired there (SHR-10,
 * with its origin). Lives in {@code <data-dir>/index/catalog}; the database stays the truth.
 *
 * <ul>
 * <li>Kept current by {@link CatalogEntryChanged}, handled after the publishing transaction commits, in the
 * request's thread: the entry is read again from the database and its document replaced or deleted, and the
 * searcher is refreshed before the request returns, so a search right after a publication finds it.</li>
 * <li>Near-real-time: searches see changes on refresh; changes are committed to disk every few seconds.</li>
 * <li>At start-up (and every few minutes) the index's fingerprint (count, sum of ids and of published versions)
 * is compared with the database's; when they differ, or the index is missing or of an older layout, it is
 * rebuilt in the background, streaming the database in pages. A rebuild stamps every document with a new
 * generation and finally deletes the documents of older generations, so the old index stays searchable
 * meanwhile and an entry changed during the rebuild is never overwritten by a staler copy. A rebuild reads a
 * streaming replica when one is configured ({@link ReplicaReads}); the entries changed meanwhile, read from the
 * primary then, are read from it again at its end, so that a lagging replica's older copy does not stay.</li>
 * </ul>
 */
@Component
@ConditionalOnWebApplication // the command-line verbs (audit-verify) must not take the index's write lock
class CatalogIndex {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndex.class);

    /** Bumped whenever the document layout changes: an index of another layout is recreated. */
    static final String LAYOUT = "1";
    static final int PAGE = 500;

    // fields
    static final String ID = "id";
    static final String ENTRY = "entry";
    static final String VERSION = "version";
    static final String GENERATION = "generation";
    static final String REGION = "region";
    static final String CODE = "code";
    static final String CODE_TEXT = "code_text";
    static final String NAME = "name";
    static final String SUMMARY = "summary";
    static final String ITEMS = "items";
    static final String ITEM_IDS = "item_ids";
    static final String NAME_PAIRS = "name_pairs";
    static final String SUMMARY_PAIRS = "summary_pairs";
    static final String ITEMS_PAIRS = "items_pairs";
    static final String DEPARTMENT_NAME = "department_name";
    static final String DEPARTMENT_ID = "department_id";
    static final String CLASSIFICATION = "classification";
    /** Set on the entries of lower platforms only: where they came from (SHR-10). */
    static final String ORIGIN_PLATFORM = "origin_platform";
    static final String ORIGIN_BASE_URL = "origin_base_url";
    static final String FOREIGN = "foreign";

    // facet dimensions, named as the search's query parameters
    static final String DEPARTMENT = "departmentId";
    static final String CATEGORY = "category";
    static final String SUBJECT = "subject";
    static final String SHARE_TYPE = "shareType";
    static final String OPEN_TYPE = "openType";
    static final String FORMAT = "format";
    static final String UPDATE_CYCLE = "updateCycle";
    static final List<String> DIMENSIONS = List.of(DEPARTMENT, CATEGORY, SUBJECT, SHARE_TYPE, OPEN_TYPE, FORMAT,
            UPDATE_CYCLE);

    /** What a rebuild did. */
    record Rebuild(String reason, Instant startedAt, Instant finishedAt, long entries, long millis, String error) {
    }

    /** The index's state for operators. */
    record Status(Path location, long documents, long databaseEntries, boolean consistent, boolean rebuilding,
            Rebuild lastRebuild) {
    }

    /** Count, sum of ids and sum of published versions of the entries that must be indexed. */
    record Fingerprint(long count, long idSum, long versionSum) {
    }

    /**
     * What one document is made of: a local entry (its department named by the directory), or an entry of a lower
     * platform (department named as there, no local department, an origin).
     */
    private record Source(long id, String resourceCode, long regionId, Long departmentId, String classificationCode,
            int version, String content, String departmentName, String originPlatform, String originBaseUrl) {

        boolean foreign() {
            return originPlatform != null;
        }
    }

    private final Path location;
    private final JdbcClient jdbc;
    /** A rebuild's bulk reads: a streaming replica when one is configured, else the primary ({@link ReplicaReads}). */
    private final JdbcClient rebuildReads;
    /**
     * Entries and foreign entries whose documents were replaced from the primary while a rebuild ran: read again
     * from the primary at its end, since the rebuild may have read an older copy from a lagging replica. Guarded
     * by {@code writing}.
     */
    private final Set<Long> changedDuringRebuild = new HashSet<>();
    private final Set<Long> foreignChangedDuringRebuild = new HashSet<>();
    private final JsonMapper json;
    private final Directory directory;
    private final CacheDrops nodes;
    private final FacetsConfig facets = new FacetsConfig();
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final FSDirectory store;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long generation;
    private volatile boolean dirty;
    private volatile boolean stale;
    private volatile boolean closing;
    private volatile Rebuild lastRebuild;
    private volatile Thread rebuildThread;
    private volatile FacetStateCache facetState = new FacetStateCache(null, null);

    private record FacetStateCache(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** The notices by which nodes tell each other of a published or retired entry. */
    private static final String OTHER_NODES_CHANGED = "catalog.entry";
    private static final String OTHER_NODES_FOREIGN_CHANGED = "catalog.foreign-entry";

    @Autowired
    CatalogIndex(@Value("${govdata.data-dir}") String dataDir, JdbcClient jdbc, ReplicaReads replica, JsonMapper json,
            Directory directory, CacheDrops nodes) {
        this(Path.of(dataDir, "index", "catalog"), jdbc, replica.jdbc(), json, directory, nodes);
        nodes.onNotice(OTHER_NODES_CHANGED, this::changedOnAnotherNode);
        nodes.onNotice(OTHER_NODES_FOREIGN_CHANGED, this::foreignChangedOnAnotherNode);
    }

    /** An index that does not hear other nodes (the application's own does). */
    CatalogIndex(Path location, JdbcClient jdbc, JsonMapper json, Directory directory, CacheDrops nodes) {
        this(location, jdbc, jdbc, json, directory, nodes);
    }

    private CatalogIndex(Path location, JdbcClient jdbc, JdbcClient rebuildReads, JsonMapper json, Directory directory,
            CacheDrops nodes) {
        this.nodes = nodes;
        this.location = location.toAbsolutePath();
        this.jdbc = jdbc;
        this.rebuildReads = rebuildReads;
        this.json = json;
        this.directory = directory;
        ChineseText.tokens("预热"); // loads the analyzer's dictionaries now rather than in the first request
        try {
            Files.createDirectories(this.location);
            this.store = FSDirectory.open(this.location);
            IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(ChineseText.analyzer(),
                    Map.of(NAME_PAIRS, ChineseText.pairAnalyzer(), SUMMARY_PAIRS, ChineseText.pairAnalyzer(),
                            ITEMS_PAIRS, ChineseText.pairAnalyzer())));
            Map<String, String> committed = committedData(store);
            boolean usable = committed != null && LAYOUT.equals(committed.get("layout"));
            if (committed != null && !usable) {
                log.info("Catalog index at {} has another layout; it is recreated", this.location);
            }
            config.setOpenMode(usable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(32);
            this.writer = new IndexWriter(store, config);
            long committedGeneration = usable ? Long.parseLong(committed.getOrDefault("generation", "0")) : 0;
            this.generation = Math.max(committedGeneration, 1);
            writer.setLiveCommitData(commitData());
            if (!usable) {
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the catalog search index at " + this.location
                    + " (is another govdata using this data directory? If not, delete the index directory: it is "
                    + "rebuilt from the database at the next start)", e);
        }
    }

    private static Map<String, String> committedData(FSDirectory store) throws IOException {
        if (!DirectoryReader.indexExists(store)) {
            return null;
        }
        return SegmentInfos.readLatestCommit(store).getUserData();
    }

    private Iterable<Map.Entry<String, String>> commitData() {
        return Map.of("layout", LAYOUT, "generation", Long.toString(generation)).entrySet();
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
        if (database.equals(index)) {
            return true;
        }
        log.info("Catalog index disagrees with the database at {} (index {}, database {}); rebuilding", occasion,
                index, database);
        rebuildInBackground(occasion);
        return false;
    }

    /** A published or retired entry: replace or remove its document once the change is committed. */
    @TransactionalEventListener
    void onEntryChanged(CatalogEntryChanged event) {
        try {
            reindex(event.entryId());
        } catch (RuntimeException e) {
            // the change is committed: never fail the request for the index; the next check rebuilds it
            stale = true;
            log.error("Could not update the catalog index for entry {}; it will be rebuilt", event.entryId(), e);
        }
    }

    /**
     * Has the other nodes replace the entry's document too, once the change commits: they hear it through
     * PostgreSQL ({@link CacheDrops#tellOtherNodes}) and read the entry again themselves.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void tellOtherNodes(CatalogEntryChanged event) {
        nodes.tellOtherNodes(OTHER_NODES_CHANGED, Long.toString(event.entryId()));
    }

    /** An entry of a lower platform was received or retired: replace or remove its document once committed. */
    @TransactionalEventListener
    void onForeignEntryChanged(ForeignEntryChanged event) {
        try {
            reindex(event.id(), FOREIGN_SELECT);
        } catch (RuntimeException e) {
            stale = true;
            log.error("Could not update the catalog index for foreign entry {}; it will be rebuilt", event.id(), e);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void tellOtherNodes(ForeignEntryChanged event) {
        nodes.tellOtherNodes(OTHER_NODES_FOREIGN_CHANGED, Long.toString(event.id()));
    }

    private void foreignChangedOnAnotherNode(String id) {
        try {
            reindex(Long.parseLong(id), FOREIGN_SELECT);
        } catch (RuntimeException e) {
            stale = true;
            log.error("Could not update the catalog index for foreign entry {} changed on another node", id, e);
        }
    }

    /** Another node published or retired an entry. */
    private void changedOnAnotherNode(String entryId) {
        try {
            reindex(Long.parseLong(entryId));
        } catch (RuntimeException e) {
            stale = true;
            log.error("Could not update the catalog index for entry {} changed on another node; it will be rebuilt",
                    entryId, e);
        }
    }

    /** Reads the entry again and replaces, or removes, its document; visible to searches on return. */
    void reindex(long entryId) {
        reindex(entryId, SOURCE_SELECT + " where e.published_version is not null and e.retired = false");
    }

    /** The same for the entry that the select (ending in its conditions) reads by id. */
    private void reindex(long entryId, String select) {
        writing.lock();
        try {
            replaceDocument(entryId, select);
            if (rebuilding.get()) {
                (select.equals(FOREIGN_SELECT) ? foreignChangedDuringRebuild : changedDuringRebuild).add(entryId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
        refresh();
    }

    /** Reads the entry from the primary and replaces, or removes, its document; under {@code writing}. */
    private void replaceDocument(long entryId, String select) throws IOException {
        Optional<Source> source = jdbc.sql(select + " and e.id = ?").param(entryId).query(CatalogIndex::mapSource)
                .optional();
        if (source.isPresent()) {
            writer.updateDocument(new Term(ID, Long.toString(entryId)),
                    document(source.get(), generation, new HashMap<>()));
        } else {
            writer.deleteDocuments(new Term(ID, Long.toString(entryId)));
        }
        dirty = true;
    }

    /** Commits pending changes every few seconds; rebuilds after a failed update. */
    @Scheduled(fixedDelayString = "${govdata.catalog.index.commit-interval:5s}")
    void commitPending() {
        if (stale && !rebuilding.get()) {
            stale = false;
            rebuildInBackground("failed update");
        }
        if (dirty && !closing) {
            commit();
        }
    }

    /** A safety net against changes made behind the platform's back (restored backups, manual SQL). */
    @Scheduled(initialDelayString = "${govdata.catalog.index.check-interval:10m}",
            fixedDelayString = "${govdata.catalog.index.check-interval:10m}")
    void periodicCheck() {
        if (!rebuilding.get() && !closing) {
            checkConsistency("periodic check");
        }
    }

    void commit() {
        writing.lock();
        try {
            if (closing && !writer.isOpen()) {
                return;
            }
            dirty = false;
            writer.setLiveCommitData(commitData());
            writer.commit();
        } catch (IOException e) {
            dirty = true;
            log.warn("Could not commit the catalog index", e);
        } finally {
            writing.unlock();
        }
    }

    void refresh() {
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
        rebuildThread = Thread.ofPlatform().name("catalog-index-rebuild").daemon().start(() -> runRebuild(reason));
        return true;
    }

    /** Rebuilds in the caller's thread (operators' tools, the benchmark); false if one is already running. */
    boolean rebuild(String reason) {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        runRebuild(reason);
        return true;
    }

    private void runRebuild(String reason) {
        Instant started = Instant.now();
        long count = 0;
        String error = null;
        try {
            count = rebuildPages();
        } catch (RuntimeException | IOException e) {
            if (!closing) {
                error = e.toString();
                stale = true;
                log.error("Rebuilding the catalog index failed", e);
            }
        } finally {
            writing.lock();
            try {
                changedDuringRebuild.clear();
                foreignChangedDuringRebuild.clear();
                rebuilding.set(false);
            } finally {
                writing.unlock();
            }
            Instant finished = Instant.now();
            lastRebuild = new Rebuild(reason, started, finished, count, Duration.between(started, finished).toMillis(),
                    error);
        }
        if (error == null && !closing) {
            log.info("Catalog index rebuilt ({}): {} entries in {} ms", reason, count, lastRebuild.millis());
        }
    }

    private long rebuildPages() throws IOException {
        long stamp;
        writing.lock();
        try {
            stamp = Math.max(generation + 1, System.currentTimeMillis());
            generation = stamp;
        } finally {
            writing.unlock();
        }
        Map<Long, String> departments = new HashMap<>();
        String published = SOURCE_SELECT + " where e.published_version is not null and e.retired = false";
        long count = indexPages(published, stamp, departments);
        count += indexPages(FOREIGN_SELECT, stamp, departments);
        if (closing) {
            return count;
        }
        writing.lock();
        try {
            for (long entryId : changedDuringRebuild) {
                replaceDocument(entryId, published);
            }
            for (long id : foreignChangedDuringRebuild) {
                replaceDocument(id, FOREIGN_SELECT);
            }
            // whatever this rebuild and the changes since did not touch is no longer published
            writer.deleteDocuments(LongField.newRangeQuery(GENERATION, Long.MIN_VALUE, stamp - 1));
            writer.setLiveCommitData(commitData());
            writer.commit();
            dirty = false;
        } finally {
            writing.unlock();
        }
        refresh();
        return count;
    }

    /** Indexes what the select (ending in its conditions) reads, page by page in the order of ids. */
    private long indexPages(String select, long stamp, Map<Long, String> departments) throws IOException {
        long after = 0;
        long count = 0;
        long lastRefresh = System.nanoTime();
        while (!closing) {
            int inPage = 0;
            writing.lock();
            try {
                // read and write under the lock: an entry changed meanwhile is re-read after this page
                List<Source> page = rebuildReads.sql(select + " and e.id > ? order by e.id limit " + PAGE).param(after)
                        .query(CatalogIndex::mapSource).list();
                for (Source source : page) {
                    after = source.id();
                    inPage++;
                    Document document;
                    try {
                        document = document(source, stamp, departments);
                    } catch (RuntimeException e) {
                        // one unreadable entry must not keep the whole catalog out of the index
                        log.warn("Catalog entry {} could not be indexed", source.id(), e);
                        continue;
                    }
                    writer.updateDocument(new Term(ID, Long.toString(source.id())), document);
                }
                dirty = true;
            } finally {
                writing.unlock();
            }
            count += inPage;
            if (inPage < PAGE) {
                break;
            }
            if (System.nanoTime() - lastRefresh > 2_000_000_000L) {
                searchers.maybeRefresh(); // a missing index fills while it is rebuilt
                lastRefresh = System.nanoTime();
            }
        }
        return count;
    }

    // --- documents -----------------------------------------------------------------------------------------

    private static final String SOURCE_SELECT = """
            select e.id, e.resource_code, e.region_id, e.department_id, e.classification_code, e.published_version,
                v.content, null as department_name, null as origin_platform, null as origin_base_url
            from catalog_entry e join catalog_version v on v.entry_id = e.id and v.version = e.published_version""";

    /** The entries received from lower platforms and not retired there; their ids never meet the local ones. */
    private static final String FOREIGN_SELECT = """
            select e.id, e.resource_code, e.region_id, null as department_id, e.classification_code,
                e.version as published_version, e.content, e.department_name, e.origin_platform, e.origin_base_url
            from catalog_foreign_entry e where e.retired = false""";

    private static Source mapSource(ResultSet rs, int n) throws SQLException {
        long departmentId = rs.getLong("department_id");
        return new Source(rs.getLong("id"), rs.getString("resource_code"), rs.getLong("region_id"),
                rs.wasNull() ? null : departmentId, rs.getString("classification_code"),
                rs.getInt("published_version"), rs.getString("content"), rs.getString("department_name"),
                rs.getString("origin_platform"), rs.getString("origin_base_url"));
    }

    private Document document(Source source, long stamp, Map<Long, String> departmentNames) throws IOException {
        EntryContent content = json.readValue(source.content(), EntryContent.class);
        String departmentName = source.foreign() ? nullToEmpty(source.departmentName())
                : departmentNames.computeIfAbsent(source.departmentId(),
                        id -> directory.department(id).map(DepartmentInfo::name).orElse(""));
        Document doc = new Document();
        doc.add(new KeywordField(ID, Long.toString(source.id()), Store.YES));
        doc.add(new LongField(ENTRY, source.id(), Store.NO));
        doc.add(new LongField(VERSION, source.version(), Store.YES));
        doc.add(new LongField(GENERATION, stamp, Store.NO));
        doc.add(new KeywordField(REGION, Long.toString(source.regionId()), Store.NO));
        doc.add(new KeywordField(CODE, source.resourceCode(), Store.YES));
        doc.add(new TextField(CODE_TEXT, source.resourceCode(), Store.NO));
        doc.add(new TextField(NAME, nullToEmpty(content.name()), Store.YES));
        doc.add(new TextField(NAME_PAIRS, nullToEmpty(content.name()), Store.NO));
        doc.add(new TextField(SUMMARY, nullToEmpty(content.summary()), Store.YES));
        doc.add(new TextField(SUMMARY_PAIRS, nullToEmpty(content.summary()), Store.NO));
        for (DataItem item : content.dataItems()) {
            if (item.chineseName() != null) {
                doc.add(new TextField(ITEMS, item.chineseName(), Store.NO));
                doc.add(new TextField(ITEMS_PAIRS, item.chineseName(), Store.NO));
            }
            if (item.name() != null) {
                doc.add(new TextField(ITEM_IDS, item.name(), Store.NO));
            }
        }
        doc.add(new TextField(DEPARTMENT_NAME, departmentName, Store.YES));
        String classification = source.classificationCode();
        doc.add(new StoredField(CLASSIFICATION, classification));
        if (source.foreign()) {
            // no department of this platform: the department facet lists local departments only
            doc.add(new KeywordField(FOREIGN, "true", Store.NO));
            doc.add(new StoredField(ORIGIN_PLATFORM, source.originPlatform()));
            doc.add(new StoredField(ORIGIN_BASE_URL, nullToEmpty(source.originBaseUrl())));
        } else {
            doc.add(new StoredField(DEPARTMENT_ID, source.departmentId()));
            doc.add(new SortedSetDocValuesFacetField(DEPARTMENT, Long.toString(source.departmentId())));
        }
        doc.add(new SortedSetDocValuesFacetField(CATEGORY, classification.substring(0, 1)));
        doc.add(new SortedSetDocValuesFacetField(SUBJECT, classification.substring(0, 3)));
        addCode(doc, SHARE_TYPE, content.shareType());
        addCode(doc, OPEN_TYPE, content.openType());
        addCode(doc, FORMAT, content.format());
        addCode(doc, UPDATE_CYCLE, content.updateCycle());
        return facets.build(doc);
    }

    private static void addCode(Document doc, String dimension, Enum<?> value) {
        if (value != null) {
            doc.add(new StoredField(dimension, value.name()));
            doc.add(new SortedSetDocValuesFacetField(dimension, value.name()));
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    // --- reading -------------------------------------------------------------------------------------------

    FacetsConfig facetsConfig() {
        return facets;
    }

    IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facet ordinals of a reader, built once per reader (every refresh makes a new one); null when empty. */
    SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetStateCache cached = facetState;
        if (cached.reader() == reader) {
            return cached.state();
        }
        synchronized (this) {
            cached = facetState;
            if (cached.reader() == reader) {
                return cached.state();
            }
            SortedSetDocValuesReaderState state = null;
            if (reader.numDocs() > 0) {
                try {
                    state = new DefaultSortedSetDocValuesReaderState(reader, facets);
                } catch (IllegalArgumentException e) {
                    state = null; // only deleted documents carried facets
                }
            }
            facetState = new FacetStateCache(reader, state);
            return state;
        }
    }

    Fingerprint databaseFingerprint() {
        Fingerprint local = jdbc.sql("""
                select count(*), coalesce(sum(id), 0), coalesce(sum(published_version), 0) from catalog_entry
                where published_version is not null and retired = false""")
                .query((rs, n) -> new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        Fingerprint foreign = jdbc.sql("""
                select count(*), coalesce(sum(id), 0), coalesce(sum(version), 0) from catalog_foreign_entry
                where retired = false""")
                .query((rs, n) -> new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        return new Fingerprint(local.count() + foreign.count(), local.idSum() + foreign.idSum(),
                local.versionSum() + foreign.versionSum());
    }

    Fingerprint indexFingerprint() {
        IndexSearcher searcher = acquire();
        try {
            long count = 0;
            long ids = 0;
            long versions = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                SortedNumericDocValues entry = reader.getSortedNumericDocValues(ENTRY);
                SortedNumericDocValues version = reader.getSortedNumericDocValues(VERSION);
                if (entry == null || version == null) {
                    continue;
                }
                for (int doc = entry.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = entry.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    count++;
                    ids += entry.nextValue();
                    if (version.advanceExact(doc)) {
                        versions += version.nextValue();
                    }
                }
            }
            return new Fingerprint(count, ids, versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    Status status() {
        Fingerprint database = databaseFingerprint();
        Fingerprint index = indexFingerprint();
        return new Status(location, index.count(), database.count(), database.equals(index), rebuilding.get(),
                lastRebuild);
    }

    boolean isRebuilding() {
        return rebuilding.get();
    }

    Path location() {
        return location;
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
            log.warn("Could not close the catalog index cleanly; it is checked at the next start", e);
        } finally {
            writing.unlock();
        }
    }
}

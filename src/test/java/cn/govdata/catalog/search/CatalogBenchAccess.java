package cn.govdata.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContext;

import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.policy.PolicyProfile.ShareType;

/**
 * Lets the benchmark (bench/catalog-search.sh, {@code cn.govdata.bench.CatalogSearchBench}) drive the catalog's
 * package-private search service and index in a running application. Not used by the product.
 */
public final class CatalogBenchAccess {

    private CatalogBenchAccess() {
    }

    /** One search as the benchmark issues it: words, and at most one value per filter (null: none). */
    public record Query(String q, Long departmentId, String category, String shareType, String format,
            String updateCycle) {
    }

    /** Waits for a rebuild started at start-up, then rebuilds in this thread; returns the documents indexed. */
    public static long rebuild(ApplicationContext context) throws InterruptedException {
        CatalogIndex index = context.getBean(CatalogIndex.class);
        while (index.isRebuilding()) {
            Thread.sleep(200);
        }
        if (!index.rebuild("benchmark")) {
            throw new IllegalStateException("a rebuild is already running");
        }
        return index.indexFingerprint().count();
    }

    /** Size of the index directory on disk, in bytes. */
    public static long indexBytes(ApplicationContext context) {
        Path location = context.getBean(CatalogIndex.class).location();
        try (Stream<Path> files = Files.list(location)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the search as the API does (first page of 20, facets); returns the total hits. */
    public static long search(ApplicationContext context, long regionId, Query query) {
        CatalogSearch.Request request = new CatalogSearch.Request(query.q(),
                query.departmentId() == null ? null : List.of(query.departmentId()),
                query.category() == null ? null : List.of(Category.valueOf(query.category())), null,
                query.shareType() == null ? null : List.of(ShareType.valueOf(query.shareType())), null,
                query.format() == null ? null : List.of(ResourceFormat.valueOf(query.format())),
                query.updateCycle() == null ? null : List.of(UpdateCycle.valueOf(query.updateCycle())), 0, 20);
        CatalogSearch.Result result = context.getBean(CatalogSearch.class).search(regionId, request);
        if (result.facets().size() != CatalogIndex.DIMENSIONS.size()) {
            throw new IllegalStateException("facets missing");
        }
        return result.total();
    }
}

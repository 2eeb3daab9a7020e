package cn.govdata.catalog.search;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Searching the published catalog (CAT-9), and the index's upkeep for operators. */
@RestController
@RequestMapping("/api/v1/catalog/search")
@Tag(name = "Catalog search", description = "full-text search of the published catalog with facets")
@ConditionalOnWebApplication
class CatalogSearchController {

    private final CatalogSearch search;
    private final CatalogIndexUpkeep upkeep;

    CatalogSearchController(CatalogSearch search, CatalogIndexUpkeep upkeep) {
        this.search = search;
        this.upkeep = upkeep;
    }

    @GetMapping
    @Operation(summary = "Search the published entries of the caller's region: words in Chinese or codes, filters "
            + "(repeat a parameter or separate values by commas to allow several), facet counts")
    CatalogSearch.Result search(@RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> departmentId,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) List<String> subject,
            @RequestParam(required = false) List<String> shareType,
            @RequestParam(required = false) List<String> openType,
            @RequestParam(required = false) List<String> format,
            @RequestParam(required = false) List<String> updateCycle,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return search.search(Actor.require(), new CatalogSearch.Parameters(q, departmentId, category, subject,
                shareType, openType, format, updateCycle, page, size));
    }

    @GetMapping("/status")
    @Operation(summary = "Documents in the index against published entries in the database, last rebuild "
            + "(system administrator or catalog reviewer)")
    CatalogIndex.Status status() {
        return upkeep.status(Actor.require());
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the index from the database in the background (system administrator or catalog "
            + "reviewer); the current index stays searchable meanwhile")
    ResponseEntity<CatalogIndex.Status> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(upkeep.rebuild(Actor.require()));
    }
}

package cn.govdata.catalog.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.Classification.Category;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.catalog.entry.CatalogLabels;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ListParameter;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Searching the published catalog (CAT-9), and the index's upkeep for operators. */
@RestController
@RequestMapping("/api/v1/catalog/search")
@Tag(name = "Catalog search", description = "full-text search of the published catalog with facets")
@ConditionalOnWebApplication
class CatalogSearchController {

    private static final Pattern SUBJECT = Pattern.compile("[123]\\d{2}");

    private final CatalogSearch search;
    private final CatalogIndex index;
    private final AuditLog audit;

    CatalogSearchController(CatalogSearch search, CatalogIndex index, AuditLog audit) {
        this.search = search;
        this.index = index;
        this.audit = audit;
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
        Actor actor = Actor.require();
        if (q != null && q.strip().length() > CatalogSearch.MAX_QUERY_LENGTH) {
            throw new DomainException(ProblemCode.FIELD_TOO_LONG, "q", CatalogSearch.MAX_QUERY_LENGTH);
        }
        if (page < 0) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "page", page + " (0 or more)");
        }
        if (size < 1 || size > CatalogSearch.MAX_SIZE) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "size", size + " (1 to " + CatalogSearch.MAX_SIZE + ")");
        }
        if ((long) (page + 1) * size > CatalogSearch.MAX_WINDOW) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "page",
                    page + " (only the first " + CatalogSearch.MAX_WINDOW + " hits can be paged; narrow the query)");
        }
        CatalogSearch.Request request = new CatalogSearch.Request(q,
                ListParameter.parse("departmentId", departmentId, CatalogSearchController::departmentId),
                ListParameter.parse("category", category, CatalogSearchController::category),
                ListParameter.parse("subject", subject, CatalogSearchController::subject),
                ListParameter.enums("shareType", shareType, ShareType.class),
                ListParameter.enums("openType", openType, OpenType.class),
                ListParameter.enums("format", format, ResourceFormat.class),
                ListParameter.enums("updateCycle", updateCycle, UpdateCycle.class), page, size);
        return search.search(actor, request);
    }

    @GetMapping("/status")
    @Operation(summary = "Documents in the index against published entries in the database, last rebuild "
            + "(system administrator or catalog reviewer)")
    CatalogIndex.Status status() {
        requireOperator(Actor.require());
        return index.status();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the index from the database in the background (system administrator or catalog "
            + "reviewer); the current index stays searchable meanwhile")
    ResponseEntity<CatalogIndex.Status> rebuild() {
        requireOperator(Actor.require());
        boolean started = index.rebuildInBackground("requested");
        if (started) {
            audit.record(AuditEvent.success("catalog.reindex", "catalog-index", null, "rebuild requested"));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(index.status());
    }

    private static void requireOperator(Actor actor) {
        if (!actor.authority() || !actor.hasAny(Role.SYSTEM_ADMIN, Role.CATALOG_REVIEWER)) {
            throw new DomainException(ProblemCode.FORBIDDEN);
        }
    }

    // --- parameters ----------------------------------------------------------------------------------------

    private static Long departmentId(String value) {
        try {
            return Long.parseLong(value);
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
}

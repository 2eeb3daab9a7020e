package cn.govdata.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
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
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
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
                parse("departmentId", departmentId, CatalogSearchController::departmentId),
                parse("category", category, CatalogSearchController::category),
                parse("subject", subject, CatalogSearchController::subject),
                parse("shareType", shareType, value -> constant(ShareType.class, value)),
                parse("openType", openType, value -> constant(OpenType.class, value)),
                parse("format", format, value -> constant(ResourceFormat.class, value)),
                parse("updateCycle", updateCycle, value -> constant(UpdateCycle.class, value)), page, size);
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

    /** Signals a value that is not valid; the caller names the parameter. */
    private static final class Invalid extends RuntimeException {
        private final String allowed;

        Invalid(String allowed) {
            super(null, null, false, false);
            this.allowed = allowed;
        }
    }

    private static <T> List<T> parse(String parameter, List<String> values, Function<String, T> parser) {
        List<T> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String trimmed = part.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    T result = parser.apply(trimmed);
                    if (!parsed.contains(result)) {
                        parsed.add(result);
                    }
                } catch (Invalid e) {
                    throw new DomainException(ProblemCode.INVALID_VALUE, parameter,
                            abbreviate(trimmed) + " (" + e.allowed + ")");
                }
            }
        }
        return parsed;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static Long departmentId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Invalid("a department id");
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
            throw new Invalid("1, 2, 3 or " + Arrays.toString(Category.values()));
        }
    }

    private static String subject(String value) {
        if (!SUBJECT.matcher(value).matches()) {
            throw new Invalid("category digit and two-digit subject, e.g. 101");
        }
        return value;
    }

    static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}

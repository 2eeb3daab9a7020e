package cn.govdata.catalog.lists;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.govdata.catalog.lists.PublishedLists.Kind;
import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The published share and open lists of the caller's region (CAT-9): JSON pages, or with {@code format=csv} the
 * whole list as CSV for Excel. Every authenticated actor may read them.
 */
@RestController
@RequestMapping("/api/v1/catalog/lists")
@Tag(name = "Catalog lists", description = "the published share list and open list")
class PublishedListsController {

    private final PublishedLists lists;

    PublishedListsController(PublishedLists lists) {
        this.lists = lists;
    }

    @GetMapping("/share")
    @Operation(summary = "The share list: published entries by share type (UNCONDITIONAL, CONDITIONAL, NOT_SHARED; "
            + "all when omitted), optionally of one department; format=csv for the whole list as CSV")
    PublishedLists.Page share(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId, @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lists.page(Actor.require(), Kind.SHARE, type, departmentId, format, page, size);
    }

    @GetMapping(path = "/share", params = "format=csv")
    ResponseEntity<StreamingResponseBody> shareCsv(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId) {
        return lists.csv(Actor.require(), Kind.SHARE, type, departmentId).response();
    }

    @GetMapping("/open")
    @Operation(summary = "The open list: published entries open unconditionally or on conditions (OPEN, "
            + "CONDITIONAL_OPEN; both when omitted), optionally of one department; format=csv for the whole list as "
            + "CSV. A type the region's rules do not provide is refused (TYPE_NOT_IN_PROFILE).")
    PublishedLists.Page open(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId, @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lists.page(Actor.require(), Kind.OPEN, type, departmentId, format, page, size);
    }

    @GetMapping(path = "/open", params = "format=csv")
    ResponseEntity<StreamingResponseBody> openCsv(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId) {
        return lists.csv(Actor.require(), Kind.OPEN, type, departmentId).response();
    }
}

package cn.govdata.catalog.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.govdata.catalog.lists.PublishedLists.Kind;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ListParameter;
import cn.govdata.shared.ProblemCode;
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

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

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
        requireJson(format);
        return lists.page(shareFilter(type, departmentId), page, size);
    }

    @GetMapping(path = "/share", params = "format=csv")
    ResponseEntity<StreamingResponseBody> shareCsv(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId) {
        return csv(shareFilter(type, departmentId), "share-list.csv", "共享目录.csv");
    }

    @GetMapping("/open")
    @Operation(summary = "The open list: published entries open unconditionally or on conditions (OPEN, "
            + "CONDITIONAL_OPEN; both when omitted), optionally of one department; format=csv for the whole list as "
            + "CSV. A type the region's rules do not provide is refused (TYPE_NOT_IN_PROFILE).")
    PublishedLists.Page open(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId, @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        requireJson(format);
        return lists.page(openFilter(type, departmentId), page, size);
    }

    @GetMapping(path = "/open", params = "format=csv")
    ResponseEntity<StreamingResponseBody> openCsv(@RequestParam(required = false) List<String> type,
            @RequestParam(required = false) Long departmentId) {
        return csv(openFilter(type, departmentId), "open-list.csv", "开放目录.csv");
    }

    private PublishedLists.Filter shareFilter(List<String> type, Long departmentId) {
        Actor actor = Actor.require();
        return new PublishedLists.Filter(actor.regionId(), Kind.SHARE, lists.shareTypes(ListParameter.enums("type", type, ShareType.class)),
                departmentId);
    }

    private PublishedLists.Filter openFilter(List<String> type, Long departmentId) {
        Actor actor = Actor.require();
        return new PublishedLists.Filter(actor.regionId(), Kind.OPEN, lists.openTypes(ListParameter.enums("type", type, OpenType.class)),
                departmentId);
    }

    private ResponseEntity<StreamingResponseBody> csv(PublishedLists.Filter filter, String asciiName,
            String chineseName) {
        StreamingResponseBody body = out -> lists.exportCsv(filter, out);
        // an ASCII name for old clients, the Chinese one (RFC 6266 / RFC 5987) for the others
        String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(chineseName, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(body);
    }

    private static void requireJson(String format) {
        if (!"json".equals(format.strip().toLowerCase(Locale.ROOT))) {
            throw new DomainException(ProblemCode.INVALID_VALUE, "format",
                    (format.length() > 20 ? format.substring(0, 20) + "…" : format) + " (json or csv)");
        }
    }
}

package cn.govdata.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

import cn.govdata.catalog.PublishedLists.Kind;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The published share and open lists of the caller's region (CAT-9), as JSON pages or CSV. */
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
            + "all when omitted); format=csv for the whole list as CSV")
    ResponseEntity<?> share(@RequestParam(required = false) List<String> type,
            @RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Actor actor = Actor.require();
        List<ShareType> types = lists.shareTypes(types(type, ShareType.class));
        return respond(actor, Kind.SHARE, types, format, page, size, "share-list.csv", "共享目录.csv");
    }

    @GetMapping("/open")
    @Operation(summary = "The open list: published entries open unconditionally or on conditions (OPEN, "
            + "CONDITIONAL_OPEN; both when omitted); format=csv for the whole list as CSV")
    ResponseEntity<?> open(@RequestParam(required = false) List<String> type,
            @RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Actor actor = Actor.require();
        List<OpenType> types = lists.openTypes(types(type, OpenType.class));
        return respond(actor, Kind.OPEN, types, format, page, size, "open-list.csv", "开放目录.csv");
    }

    private ResponseEntity<?> respond(Actor actor, Kind kind, List<? extends Enum<?>> types, String format, int page,
            int size, String asciiName, String chineseName) {
        switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> {
                return ResponseEntity.ok(lists.page(actor.regionId(), kind, types, page, size));
            }
            case "csv" -> {
                long region = actor.regionId();
                StreamingResponseBody body = out -> lists.exportCsv(region, kind, types, out);
                // an ASCII name for old clients, the Chinese one (RFC 6266 / 5987) for the others
                String disposition = "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(chineseName, StandardCharsets.UTF_8).replace("+", "%20");
                return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                        .body(body);
            }
            default -> throw new DomainException(ProblemCode.INVALID_VALUE, "format", format + " (json or csv)");
        }
    }

    private static <E extends Enum<E>> List<E> types(List<String> values, Class<E> type) {
        List<E> parsed = new ArrayList<>();
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
                    E constant = Enum.valueOf(type, trimmed.toUpperCase(Locale.ROOT));
                    if (!parsed.contains(constant)) {
                        parsed.add(constant);
                    }
                } catch (IllegalArgumentException e) {
                    throw new DomainException(ProblemCode.INVALID_VALUE, "type", (trimmed.length() > 40
                            ? trimmed.substring(0, 40) + "…" : trimmed) + " (one of "
                            + Arrays.toString(type.getEnumConstants()) + ")");
                }
            }
        }
        return parsed;
    }
}

package cn.govdata.share.access;

import java.io.IOException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.share.access.SharedData.QueryAnswer;
import cn.govdata.share.access.SharedData.QueryRequest;
import cn.govdata.share.access.SharedData.Verification;
import cn.govdata.share.access.SharedData.VerificationRequest;
import cn.govdata.security.ExportWatermarks;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ListParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data access interfaces (SHR-5): for connected systems with client credentials and for users in the
 * console, only within a grant of the caller's department.
 */
@RestController
@RequestMapping("/api/v1/share/data/{entryId}")
@Tag(name = "Shared data", description = "verification, query and exchange within a grant")
class SharedDataController {

    private final SharedData data;
    private final JsonMapper json;
    private final ExportWatermarks watermarks;

    SharedDataController(SharedData data, JsonMapper json, ExportWatermarks watermarks) {
        this.data = data;
        this.json = json;
        this.watermarks = watermarks;
    }

    @PostMapping("/verification")
    @Operation(summary = "比对验证: send a record's key and claimed values, get MATCH / NO_MATCH / NOT_HELD per item "
            + "(never the stored values)")
    Verification verify(@PathVariable long entryId, @RequestBody VerificationRequest request,
            @RequestHeader(name = SharedData.RELAYED_FOR, required = false) String relayedFor) {
        Actor actor = Actor.require();
        return data.verify(actor, entryId, request, SharedData.medium(actor, relayedFor));
    }

    @PostMapping("/query")
    @Operation(summary = "检索查询: by key, or by filters on granted items (EQUALS / STARTS_WITH); paged, at most "
            + SharedData.MAX_PAGE + " a page; only granted items, masked as the grant prescribes")
    QueryAnswer query(@PathVariable long entryId, @RequestBody(required = false) QueryRequest request,
            @RequestHeader(name = SharedData.RELAYED_FOR, required = false) String relayedFor) {
        Actor actor = Actor.require();
        return data.query(actor, entryId, request, SharedData.medium(actor, relayedFor));
    }

    @GetMapping("/exchange")
    @Operation(summary = "数据交换: the granted part of the dataset, all of it (since=0) or what changed since a cursor, "
            + "as CSV (watermarked for leak tracing) or JSON Lines, streamed; headers X-Cursor (pass it as since next time) "
            + "and X-Changes")
    void exchange(@PathVariable long entryId, @RequestParam(defaultValue = "0") long since,
            @RequestParam(defaultValue = "CSV") String format, @RequestParam(required = false) String items,
            HttpServletResponse response) throws IOException {
        Actor actor = Actor.require();
        ExchangeStream stream = ExchangeStream.to(response, format, json, watermarks);
        data.exchange(actor, entryId, since, ListParameter.values(items), SharedData.medium(actor, null), stream);
        stream.finish();
    }
}

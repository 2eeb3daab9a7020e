package cn.govdata.share;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.share.SharedData.QueryAnswer;
import cn.govdata.share.SharedData.QueryRequest;
import cn.govdata.share.SharedData.Verification;
import cn.govdata.share.SharedData.VerificationRequest;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ListParameter;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
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

    SharedDataController(SharedData data, JsonMapper json) {
        this.data = data;
        this.json = json;
    }

    @PostMapping("/verification")
    @Operation(summary = "比对验证: send a record's key and claimed values, get MATCH / NO_MATCH / NOT_HELD per item "
            + "(never the stored values)")
    Verification verify(@PathVariable long entryId, @RequestBody VerificationRequest request) {
        Actor actor = Actor.require();
        return data.verify(actor, entryId, request, medium(actor));
    }

    @PostMapping("/query")
    @Operation(summary = "检索查询: by key, or by filters on granted items (EQUALS / STARTS_WITH); paged, at most "
            + SharedData.MAX_PAGE + " a page; only granted items, masked as the grant prescribes")
    QueryAnswer query(@PathVariable long entryId, @RequestBody(required = false) QueryRequest request) {
        Actor actor = Actor.require();
        return data.query(actor, entryId, request, medium(actor));
    }

    @GetMapping("/exchange")
    @Operation(summary = "数据交换: the granted part of the dataset, all of it (since=0) or what changed since a cursor, "
            + "as CSV or JSON Lines, streamed; headers X-Cursor (pass it as since next time) and X-Changes")
    void exchange(@PathVariable long entryId, @RequestParam(defaultValue = "0") long since,
            @RequestParam(defaultValue = "CSV") String format, @RequestParam(required = false) String items,
            HttpServletResponse response) throws IOException {
        Actor actor = Actor.require();
        boolean csv = switch (format.toUpperCase(java.util.Locale.ROOT)) {
            case "CSV" -> true;
            case "JSON_LINES", "JSONL" -> false;
            default -> throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("format"), "CSV / JSON_LINES");
        };
        List<String> asked = ListParameter.values(items);
        Writer[] out = { null };
        CSVPrinter[] printer = { null };
        List<String> columns = new ArrayList<>();
        data.exchange(actor, entryId, since, asked, medium(actor), (use, delivered, changes, cursor) -> {
            response.setHeader("X-Cursor", Long.toString(cursor));
            response.setHeader("X-Changes", Long.toString(changes));
            response.setCharacterEncoding("UTF-8");
            response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + use.resourceCode() + "-" + cursor
                    + (csv ? ".csv" : ".jsonl") + "\"");
            columns.addAll(delivered);
            try {
                out[0] = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                if (csv) {
                    List<String> header = new ArrayList<>(delivered);
                    header.add("_deleted");
                    printer[0] = new CSVPrinter(out[0], CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                            .get());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, change -> {
            try {
                if (csv) {
                    List<Object> row = new ArrayList<>();
                    columns.forEach(item -> row.add(change.values().get(item)));
                    row.add(change.deleted());
                    printer[0].printRecord(row);
                } else {
                    out[0].write(json.writeValueAsString(change));
                    out[0].write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (printer[0] != null) {
            printer[0].flush();
        }
        if (out[0] != null) {
            out[0].flush();
        }
    }

    /** How the data was used, for the usage record: by a connected system through the API, or in the console. */
    private static String medium(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM ? "API (system " + actor.id() + ")" : "console";
    }
}

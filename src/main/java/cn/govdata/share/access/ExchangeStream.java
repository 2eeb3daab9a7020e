package cn.govdata.share.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.govdata.security.ExportWatermark;
import cn.govdata.security.ExportWatermarks;
import cn.govdata.security.ExportWatermarks.ExportedFile;
import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.SharedChange;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.SpreadsheetCsv;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exchange written to the caller as it is read, in constant memory: CSV (a header of the delivered items and
 * {@code _deleted}, one row per change, cells that a spreadsheet would take for a formula defused) or JSON Lines (one {@link SharedChange} per line), with the headers
 * {@code X-Cursor} (the {@code since} of the next exchange) and {@code X-Changes}, and a file name of the resource
 * code and the cursor. Nothing is written before the exchange has counted its records against the quota.
 *
 * <p>Either file is recorded as an export and carries its watermark (SHR-6, {@link ExportWatermarks}), so that a
 * leaked copy can be traced to the grant and the time: text for people is written wholly half- or full-width, which
 * leaves its meaning as it was (the same text once folded by NFKC, as software comparing values should fold it).
 */
final class ExchangeStream implements SharedData.ExchangeSink {

    private final boolean csv;
    private final Target response;
    private final JsonMapper json;
    private final ExportWatermarks watermarks;
    private final List<String> columns = new ArrayList<>();
    private Writer out;
    private SpreadsheetCsv printer;
    private ExportWatermark watermark;

    /** Where the stream goes: its headers, then its body. */
    interface Target {

        void setHeader(String name, String value);

        /** The body; the headers are sent with the first call. */
        OutputStream body() throws IOException;
    }

    private ExchangeStream(boolean csv, Target response, JsonMapper json, ExportWatermarks watermarks) {
        this.csv = csv;
        this.response = response;
        this.json = json;
        this.watermarks = watermarks;
    }

    /**
     * A stream in the format asked for: {@code CSV}, or {@code JSON_LINES} ({@code JSONL}).
     *
     * @throws DomainException {@code INVALID_VALUE} for any other format, before anything is read
     */
    static ExchangeStream to(HttpServletResponse response, String format, JsonMapper json,
            ExportWatermarks watermarks) {
        return to(new Target() {
            @Override
            public void setHeader(String name, String value) {
                response.setHeader(name, value);
            }

            @Override
            public OutputStream body() throws IOException {
                return response.getOutputStream();
            }
        }, format, json, watermarks);
    }

    static ExchangeStream to(Target response, String format, JsonMapper json,
            ExportWatermarks watermarks) {
        boolean csv = switch (format.toUpperCase(Locale.ROOT)) {
            case "CSV" -> true;
            case "JSON_LINES", "JSONL" -> false;
            default -> throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("format"), "CSV / JSON_LINES");
        };
        return new ExchangeStream(csv, response, json, watermarks);
    }

    @Override
    public void start(AuthorizedUse use, List<String> items, long changes, long cursor) {
        response.setHeader("X-Cursor", Long.toString(cursor));
        response.setHeader("X-Changes", Long.toString(changes));
        response.setHeader("Content-Type", csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + use.resourceCode() + "-" + cursor
                + (csv ? ".csv" : ".jsonl") + "\"");
        columns.addAll(items);
        try {
            watermark = watermarks.begin(ExportedFile.underShareGrant(use.grantId(), use.entryId(),
                    use.resourceCode(), use.providerDepartmentId(), use.consumerDepartmentId(), changes));
            out = new OutputStreamWriter(response.body(), StandardCharsets.UTF_8);
            if (csv) {
                List<String> header = new ArrayList<>(items);
                header.add("_deleted");
                printer = SpreadsheetCsv.on(out, header.toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(SharedChange change) {
        try {
            if (csv) {
                List<Object> row = new ArrayList<>();
                columns.forEach(item -> row.add(watermark.mark(change.values().get(item))));
                row.add(change.deleted());
                printer.printRow(row);
            } else {
                Map<String, String> marked = new LinkedHashMap<>();
                change.values().forEach((item, value) -> marked.put(item, watermark.mark(value)));
                out.write(json.writeValueAsString(new SharedChange(marked, change.deleted())));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what is still buffered; the response is complete. */
    void finish() throws IOException {
        if (printer != null) {
            printer.flush();
        }
        if (out != null) {
            out.flush();
        }
    }
}

package cn.govdata.open.download;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.output.TeeOutputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.account.PublicAccounts;
import cn.govdata.open.ckan.ActionParameters;
import cn.govdata.open.ckan.CkanError;
import cn.govdata.open.ckan.CkanJson;
import cn.govdata.open.ckan.DatastoreSearch;
import cn.govdata.open.ckan.GateRefusals;
import cn.govdata.open.desensitise.DesensitisationGate;
import cn.govdata.open.desensitise.DesensitisationGate.Field;
import cn.govdata.open.desensitise.DesensitisationGate.Read;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.open.usage.DataUses;
import cn.govdata.security.ExportWatermark;
import cn.govdata.security.ExportWatermarks;
import cn.govdata.security.ExportWatermarks.ExportedFile;
import cn.govdata.shared.SpreadsheetCsv;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * CKAN's datastore dump, {@code /datastore/dump/{resource_id}}: the whole released dataset (or what {@code fields},
 * {@code filters}, {@code q}, {@code offset} and {@code limit} select) as CSV (UTF-8 with a BOM, spreadsheet-safe
 * cells), TSV or JSON ({@code {"fields": …, "records": [[…], …]}}), streamed from the lake through the
 * desensitisation gate in constant memory. Refusals are CKAN errors, as from the action API; a dataset open on
 * application downloads nothing (403) but to the API key of a holder whose approved application grants it. Such a
 * holder's file is recorded as an export and carries its watermark (SHR-6), so that a leaked copy is traced to the
 * application and the time; a file open to anyone is not marked (it identifies no one).
 */
@RestController
@Hidden  // CKAN's API, described by CKAN's documentation and docs/open.md; its errors are CKAN's, not RFC 9457
class DumpController {

    private final DatastoreSearch datastore;
    private final OpenedDatasets datasets;
    private final DesensitisationGate gate;
    private final DataUses uses;
    private final JsonMapper json;
    private final ExportWatermarks watermarks;
    private final PublicAccounts accounts;
    private final DumpFiles files;

    /** A dump without fields, filters, words, offset or limit: the whole released dataset. */
    private static final Read WHOLE = new Read(Map.of(), List.of(), Map.of(), List.of(), 0, Long.MAX_VALUE / 2, false);

    DumpController(DatastoreSearch datastore, OpenedDatasets datasets, DesensitisationGate gate, DataUses uses,
            JsonMapper json, ExportWatermarks watermarks, PublicAccounts accounts, DumpFiles files) {
        this.datastore = datastore;
        this.datasets = datasets;
        this.gate = gate;
        this.uses = uses;
        this.json = json;
        this.watermarks = watermarks;
        this.accounts = accounts;
        this.files = files;
    }

    /** format=csv (default, UTF-8 with BOM) | tsv | json; optional fields, filters (JSON), q, offset, limit. */
    @GetMapping("/datastore/dump/{resourceId}")
    ResponseEntity<byte[]> dump(@PathVariable String resourceId, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            ActionParameters p = ActionParameters.ofParameters(request.getParameterMap(), json);
            String format = p.has("format") ? p.text("format").toLowerCase(java.util.Locale.ROOT) : "csv";
            if (!List.of("csv", "tsv", "json").contains(format)) {
                throw CkanError.validation("format", "Value must be one of ['csv', 'tsv', 'json']");
            }
            if (p.has("sort") && !p.text("sort").strip().equals("_id")) {
                throw CkanError.validation("sort", "Records come in the order of their record key; sorting is not supported");
            }
            boolean bom = p.bool("bom", !format.equals("json"));
            Map<String, List<String>> filters = new LinkedHashMap<>();
            p.object("filters").forEach((k, v) -> filters.put(k, v instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
            List<String> words = p.has("q") ? List.of(p.text("q").strip().split("\\s+")) : List.of();
            Read read = new Read(filters, words, Map.of(), p.list("fields"), p.number("offset", 0, 0, Long.MAX_VALUE / 2),
                    p.number("limit", Long.MAX_VALUE / 2, 0, Long.MAX_VALUE / 2), false);
            DatastoreSearch.Access access = datastore.readable(resourceId, request);
            Read scoped = access.scoped(read);
            DesensitisationGate.Terms terms = access.terms(datasets);
            Optional<DumpFiles.Keeping> keeping = Optional.empty();
            if (access.grantId() == null && scoped.equals(WHOLE)) {
                // the whole dataset, marked for no one: the same state's file may stand in for the records
                String fingerprint = GateRefusals.translate(() -> gate.fingerprint(terms, scoped));
                String variant = format + (bom ? "-bom" : "");
                long entryId = access.dataset().entryId();
                Optional<DumpFiles.Kept> kept = files.find(entryId, fingerprint, variant);
                if (kept.isPresent()) {
                    new Writer(access, request.getRemoteAddr(), format, bom, response, Optional.empty()).send(kept.get());
                    return null;
                }
                keeping = files.keep(entryId, fingerprint, variant);
            }
            Writer writer = new Writer(access, request.getRemoteAddr(), format, bom, response, keeping);
            try {
                GateRefusals.translate(() -> gate.stream(terms, scoped, writer));
                writer.finish();
            } finally {
                keeping.ifPresent(DumpFiles.Keeping::abandoned);  // nothing once kept
            }
            return null;
        } catch (CkanError error) {
            return failed(error, response);
        } catch (UncheckedIOException e) {
            return null;  // the client went away
        }
    }

    private ResponseEntity<byte[]> failed(CkanError error, HttpServletResponse response) {
        if (response.isCommitted()) {
            return null;
        }
        response.reset();
        return CkanJson.failure(null, error);
    }

    /** Writes the stream in the format asked for, starting (headers, audit entry) only once the gate has agreed. */
    private final class Writer implements DesensitisationGate.Sink {

        private final OpenedDataset dataset;
        private final Long holderId;
        private final Long grantId;
        private final String clientAddress;
        private final String format;
        private final boolean bom;
        private final HttpServletResponse response;
        private final Optional<DumpFiles.Keeping> keeping;
        private CSVPrinter csv;
        private BufferedWriter text;
        private ExportWatermark watermark;
        private boolean first = true;

        Writer(DatastoreSearch.Access access, String clientAddress, String format, boolean bom,
                HttpServletResponse response, Optional<DumpFiles.Keeping> keeping) {
            this.dataset = access.dataset();
            this.keeping = keeping;
            this.holderId = access.holderId();
            this.grantId = access.grantId();
            this.clientAddress = clientAddress;
            this.format = format;
            this.bom = bom;
            this.response = response;
        }

        /** Records the download (and begins its watermark) and answers the headers; the body's stream. */
        private OutputStream start() throws IOException {
            long records = gate.holdings(dataset.entryId()).map(DesensitisationGate.Holdings::records).orElse(0L);
            uses.download(dataset.id(), dataset.packageId(), holderId, grantId, clientAddress, "dump "
                    + dataset.resourceCode() + "（" + format + "），约 " + records + " 条");
            if (grantId != null) {
                String holder = accounts.requester(holderId).map(PublicAccounts.Requester::name).orElse(null);
                watermark = watermarks.begin(ExportedFile.underOpenGrant(grantId, dataset.entryId(),
                        dataset.resourceCode(), dataset.departmentId(), holder, records));
            }
            response.setStatus(200);
            response.setContentType(switch (format) {
                case "json" -> "application/json;charset=utf-8";
                case "tsv" -> "text/tab-separated-values;charset=utf-8";
                default -> "text/csv;charset=utf-8";
            });
            response.setHeader("Content-Disposition", "attachment; filename=\"" + dataset.resourceId() + "." + format + "\"");
            response.setHeader("Access-Control-Allow-Origin", "*");
            OutputStream out = response.getOutputStream();
            return keeping.<OutputStream>map(file -> new TeeOutputStream(out, file.stream())).orElse(out);
        }

        /** The dump from the file kept of the same state. */
        void send(DumpFiles.Kept kept) {
            try (InputStream content = kept.content()) {
                response.setContentLengthLong(kept.size());
                content.transferTo(start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void fields(List<Field> fields) {
            try {
                text = new BufferedWriter(new OutputStreamWriter(start(), StandardCharsets.UTF_8), 64 * 1024);
                if (bom) {
                    text.write('\uFEFF');
                }
                List<String> ids = fields.stream().map(Field::id).toList();
                if (format.equals("json")) {
                    List<Map<String, Object>> described = new ArrayList<>();
                    for (Field field : fields) {
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("id", field.id());
                        f.put("type", field.type());
                        described.add(f);
                    }
                    text.write("{\"fields\":" + new String(CkanJson.bytes(described), StandardCharsets.UTF_8)
                            + ",\"records\":[");
                } else {
                    csv = new CSVPrinter(text, (format.equals("tsv") ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                            .setRecordSeparator("\r\n").get());
                    csv.printRecord(ids.stream().map(SpreadsheetCsv::defused).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void record(List<Object> row) {
            List<Object> values = watermark == null ? row
                    : row.stream().map(value -> value instanceof String cell ? watermark.mark(cell) : value).toList();
            try {
                if (format.equals("json")) {
                    text.write(first ? "\n" : ",\n");
                    text.write(new String(CkanJson.bytes(values), StandardCharsets.UTF_8));
                    first = false;
                } else {
                    csv.printRecord(values.stream()
                            .map(value -> value instanceof BigDecimal number ? number.toPlainString() : value)
                            .map(SpreadsheetCsv::defused).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() {
            try {
                if (format.equals("json")) {
                    text.write("\n]}\n");
                }
                text.flush();
                keeping.ifPresent(DumpFiles.Keeping::kept);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package cn.govdata.lake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

import cn.govdata.lake.BulkIngestion.BatchReport;
import cn.govdata.lake.BulkIngestion.BatchRequest;
import cn.govdata.lake.BulkIngestion.Mode;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Datasets of the data lake, bulk batches and their reports, and reading records (AGG-1, AGG-2, AGG-4, AGG-7).
 * Quality reports give their reasons in the caller's language, decided from Accept-Language as for problems.
 */
@RestController
@RequestMapping("/api/v1/lake")
@Tag(name = "Lake", description = "datasets, bulk ingestion, batch quality reports, record history")
class LakeController {

    private final LakeDatasets datasets;
    private final BulkIngestion ingestion;
    private final RecordPush push;
    private final AggregationStatus aggregation;
    private final PurchaseFilings purchases;
    private final ExtensionRules rules;
    private static final java.time.Duration WAIT_LIMIT = java.time.Duration.ofMinutes(5);

    private final Path uploads;

    LakeController(LakeDatasets datasets, BulkIngestion ingestion, RecordPush push, AggregationStatus aggregation,
            PurchaseFilings purchases, ExtensionRules rules,
            @Value("${govdata.data-dir}") String dataDir) {
        this.datasets = datasets;
        this.ingestion = ingestion;
        this.push = push;
        this.aggregation = aggregation;
        this.purchases = purchases;
        this.rules = rules;
        this.uploads = Path.of(dataDir, "lake", "uploads");
    }

    record NewDataset(Long entryId) {
    }

    @PostMapping("/datasets")
    @Operation(summary = "Create the dataset of a published catalog entry of the caller's department (data provider)")
    ResponseEntity<Dataset> create(@RequestBody NewDataset request) {
        if (request.entryId() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("entryId"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(datasets.create(Actor.require(), request.entryId()));
    }

    @GetMapping("/datasets")
    List<Dataset> list() {
        return datasets.list(Actor.require());
    }

    @GetMapping("/datasets/{id}")
    Dataset get(@PathVariable long id) {
        return datasets.get(Actor.require(), id);
    }

    @PostMapping(path = "/datasets/{id}/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ingest a CSV, XLSX or JSON Lines file in the background (202; poll the batch for progress, "
            + "or wait=true for the final report); all or nothing unless acceptValid; REPLACE tombstones records "
            + "absent from the file and needs confirmReplace")
    ResponseEntity<BatchReport> ingest(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String encoding,
            @RequestParam(defaultValue = "UPSERT") Mode mode, @RequestParam(defaultValue = "false") boolean acceptValid,
            @RequestParam(defaultValue = "false") boolean confirmReplace,
            @RequestParam(defaultValue = "false") boolean wait, HttpServletRequest http) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        Locale locale = ProblemResponses.localeOf(http);
        BatchRequest request = new BatchRequest(name, format(format, name), charset(encoding), mode, acceptValid,
                confirmReplace, http.getRemoteAddr(), locale);
        Files.createDirectories(uploads);
        Path stored = Files.createTempFile(uploads, "batch-", ".upload");
        BatchReport report;
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
            report = ingestion.submit(Actor.require(), id, request, stored);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(stored);
            throw e;
        }
        if (wait) {
            return ResponseEntity.status(HttpStatus.CREATED).body(ingestion.await(report.id(), WAIT_LIMIT, locale));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
    }

    @PostMapping("/datasets/{id}/batches/{batchId}/cancel")
    @Operation(summary = "Cancel a running batch; nothing of it is applied")
    BatchReport cancel(@PathVariable long id, @PathVariable long batchId, HttpServletRequest http) {
        return ingestion.cancel(Actor.require(), id, batchId, ProblemResponses.localeOf(http));
    }

    @GetMapping("/datasets/{id}/batches")
    List<BatchReport> batches(@PathVariable long id, HttpServletRequest http) {
        return ingestion.batches(Actor.require(), id, ProblemResponses.localeOf(http));
    }

    @GetMapping("/datasets/{id}/rules")
    List<ExtensionRules.Rule> rules(@PathVariable long id) {
        return rules.list(Actor.require(), id);
    }

    @PostMapping("/datasets/{id}/rules")
    @Operation(summary = "Add an extension rule to an item: CODE_LIST {values}, NUMBER_RANGE or DATE_RANGE {min, max}, "
            + "PATTERN {pattern}; later deliveries are checked against it")
    ResponseEntity<ExtensionRules.Rule> addRule(@PathVariable long id,
            @jakarta.validation.Valid @RequestBody ExtensionRules.NewRule request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(rules.add(Actor.require(), id, request));
    }

    @PostMapping("/datasets/{id}/rules/{ruleId}/retire")
    ExtensionRules.Rule retireRule(@PathVariable long id, @PathVariable long ruleId) {
        return rules.retire(Actor.require(), id, ruleId);
    }

    @GetMapping("/datasets/{id}/quality")
    @Operation(summary = "The dataset's quality delivery by delivery: completeness, validity, uniqueness, timeliness")
    List<BulkIngestion.QualityPoint> quality(@PathVariable long id) {
        return ingestion.qualityOverTime(Actor.require(), id);
    }

    @GetMapping("/datasets/{id}/batches/{batchId}")
    BatchReport batch(@PathVariable long id, @PathVariable long batchId, HttpServletRequest http) {
        return ingestion.batch(Actor.require(), id, batchId, ProblemResponses.localeOf(http));
    }

    @GetMapping("/datasets/{id}/batches/{batchId}/rejected.csv")
    @Operation(summary = "The rejected rows of a batch with the rule and reason per row (UTF-8 CSV with BOM), the reasons "
            + "in the language of whoever submitted the batch")
    ResponseEntity<Resource> rejected(@PathVariable long id, @PathVariable long batchId) {
        Path file = ingestion.rejectedRows(Actor.require(), id, batchId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"batch-" + batchId + "-rejected.csv\"")
                .body(new FileSystemResource(file));
    }

    @PostMapping(path = "/datasets/{id}/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push records in real time (at most 1,000 per request), all or nothing; a repeated requestId "
            + "answers with the first request's batch and applies nothing again")
    ResponseEntity<RecordPush.PushResult> push(@PathVariable long id, @RequestBody RecordPush.PushRequest request,
            HttpServletRequest http) {
        RecordPush.PushResult result = push.push(Actor.require(), id, request, ProblemResponses.localeOf(http));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @GetMapping("/datasets/{id}/records")
    @Operation(summary = "Records now, or as of an instant (ISO 8601) from the history; reading is audited")
    LakeDatasets.RecordPage records(@PathVariable long id, @RequestParam(required = false) String key,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        OffsetDateTime instant = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                instant = OffsetDateTime.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("asOf"), "2026-11-25T10:00:00+08:00");
            }
        }
        return datasets.records(Actor.require(), id, key, instant, page, size);
    }

    @GetMapping("/status")
    @Operation(summary = "Aggregation status: each dataset's update cycle, last success, due date and whether it is overdue "
            + "(the department's, or the region's for the data authority)")
    List<AggregationStatus.DatasetStatus> status() {
        return aggregation.status(Actor.require());
    }

    record CycleExceptionRequest(Integer agreedDays, @jakarta.validation.constraints.Size(max = 1000) String reason) {
    }

    @PostMapping("/datasets/{id}/cycle-exceptions")
    @Operation(summary = "File the period the department can keep instead of the catalog's cycle (TJ13)")
    ResponseEntity<AggregationStatus.CycleException> fileException(@PathVariable long id,
            @jakarta.validation.Valid @RequestBody CycleExceptionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(aggregation.file(Actor.require(), id, request.agreedDays(), request.reason()));
    }

    @GetMapping("/datasets/{id}/cycle-exceptions")
    List<AggregationStatus.CycleException> exceptions(@PathVariable long id) {
        return aggregation.exceptions(Actor.require(), id);
    }

    record DecisionRequest(Boolean accept, @jakarta.validation.constraints.Size(max = 1000) String note) {
    }

    @PostMapping("/cycle-exceptions/{exceptionId}/decide")
    @Operation(summary = "The data authority accepts or rejects a filed period")
    AggregationStatus.CycleException decide(@PathVariable long exceptionId,
            @jakarta.validation.Valid @RequestBody DecisionRequest request) {
        if (request.accept() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("accept"));
        }
        return aggregation.decide(Actor.require(), exceptionId, request.accept(), request.note());
    }

    @PostMapping("/purchases")
    @Operation(summary = "File a purchase of social data with the data authority before it happens (AGG-5); "
            + "the answer lists the published entries that already hold some of the items")
    ResponseEntity<PurchaseFilings.Filing> filePurchase(
            @jakarta.validation.Valid @RequestBody PurchaseFilings.NewFiling request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(purchases.file(Actor.require(), request));
    }

    @GetMapping("/purchases")
    List<PurchaseFilings.Filing> purchases() {
        return purchases.list(Actor.require());
    }

    record PurchaseDecision(Boolean approve, @jakarta.validation.constraints.Size(max = 1000) String note) {
    }

    @PostMapping("/purchases/{filingId}/decide")
    PurchaseFilings.Filing decidePurchase(@PathVariable long filingId,
            @jakarta.validation.Valid @RequestBody PurchaseDecision request) {
        if (request.approve() == null) {
            throw new DomainException(ProblemCode.FIELD_REQUIRED, FieldName.of("approve"));
        }
        return purchases.decide(Actor.require(), filingId, request.approve(), request.note());
    }

    private static SourceFormat format(String format, String fileName) {
        String value = format != null && !format.isBlank() ? format.strip().toUpperCase(Locale.ROOT)
                : fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "XLSX"
                : fileName.toLowerCase(Locale.ROOT).matches(".*\\.(jsonl|ndjson)$") ? "JSON_LINES" : "CSV";
        try {
            return SourceFormat.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("format"), "CSV / XLSX / JSON_LINES");
        }
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of("encoding"), "UTF-8 / GBK / GB18030");
        }
    }
}

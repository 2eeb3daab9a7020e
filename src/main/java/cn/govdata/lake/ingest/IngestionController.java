package cn.govdata.lake.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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

import cn.govdata.lake.ingest.BulkIngestion.BatchReport;
import cn.govdata.lake.ingest.BulkIngestion.Mode;
import cn.govdata.shared.Actor;
import cn.govdata.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Bulk batches and their reports, real-time push, a dataset's extension rules and its quality over time
 * (AGG-2, AGG-4). Quality reports give their reasons in the caller's language, decided from Accept-Language as
 * for problems.
 */
@RestController
@RequestMapping("/api/v1/lake")
@Tag(name = "Lake", description = "datasets, bulk ingestion, batch quality reports, record history")
class IngestionController {

    private static final Duration WAIT_LIMIT = Duration.ofMinutes(5);

    private final BatchUploads uploads;
    private final BulkIngestion ingestion;
    private final RecordPush push;
    private final ExtensionRules rules;

    IngestionController(BatchUploads uploads, BulkIngestion ingestion, RecordPush push, ExtensionRules rules) {
        this.uploads = uploads;
        this.ingestion = ingestion;
        this.push = push;
        this.rules = rules;
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
        Locale locale = ProblemResponses.localeOf(http);
        BatchReport report = uploads.submit(Actor.require(), id, file.getOriginalFilename(), file.getInputStream(),
                new BatchUploads.Options(format, encoding, mode, acceptValid, confirmReplace), http.getRemoteAddr(),
                locale);
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

    /** Why the security officer releases or discards a held batch; required to release. */
    record HoldDecision(String reason) {
    }

    @PostMapping("/datasets/{id}/batches/{batchId}/release")
    @Operation(summary = "Release a batch held for a secrecy marking as a false positive, with a reason; it runs again "
            + "and is applied or refused as any other (SEC-3)")
    BatchReport release(@PathVariable long id, @PathVariable long batchId, @RequestBody HoldDecision decision,
            HttpServletRequest http) {
        return ingestion.release(Actor.require(), id, batchId, decision.reason(), http.getRemoteAddr(),
                ProblemResponses.localeOf(http));
    }

    @PostMapping("/datasets/{id}/batches/{batchId}/discard")
    @Operation(summary = "Discard a batch held for a secrecy marking: nothing of it is applied and its file is deleted")
    BatchReport discard(@PathVariable long id, @PathVariable long batchId,
            @RequestBody(required = false) HoldDecision decision, HttpServletRequest http) {
        return ingestion.discard(Actor.require(), id, batchId, decision == null ? null : decision.reason(),
                http.getRemoteAddr(), ProblemResponses.localeOf(http));
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
    ResponseEntity<ExtensionRules.Rule> addRule(@PathVariable long id, @Valid @RequestBody ExtensionRules.NewRule request) {
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
    @Operation(summary = "The rows a batch rejected as the department sent them (its own column names and values) with a "
            + "column saying why, in the language of whoever submitted the batch (UTF-8 CSV with BOM); corrected, the "
            + "file can be uploaded again as it is (the reason column is ignored)")
    ResponseEntity<Resource> rejected(@PathVariable long id, @PathVariable long batchId, HttpServletRequest http) {
        Path file = ingestion.rejectedRows(Actor.require(), id, batchId, http.getRemoteAddr());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
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
}

package cn.govdata.org.cdo;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.org.cdo.ChangeFilings.Filing;
import cn.govdata.shared.Actor;
import cn.govdata.shared.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Filings to the data authority (ORG-2, ORG-3) under {@code /api/v1/org/filings}: changes of officers, working
 * group and roster, and the chief data officer's yearly summary.
 */
@RestController
@RequestMapping("/api/v1/org/filings")
@Tag(name = "Organisation", description = "regions, departments and their rosters")
@Validated
class FilingController {

    private final ChangeFilings filings;

    FilingController(ChangeFilings filings) {
        this.filings = filings;
    }

    @GetMapping
    @Operation(summary = "The filings the caller sees: every department's for the authority, else their own")
    List<Filing> list(@RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) ChangeFilings.Status status) {
        return filings.list(Actor.require(), departmentId, status);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One filing")
    Filing get(@PathVariable long id) {
        return filings.get(Actor.require(), id);
    }

    record ReportRequest(@Size(max = 8000) @PlainText(multiline = true) String text) {
    }

    @PostMapping("/{id}/report")
    @Operation(summary = "Report a filing to the authority (the department's administrator; the yearly summary by"
            + " the chief data officer, with its text)")
    Filing report(@PathVariable long id, @Valid @RequestBody(required = false) ReportRequest request) {
        return filings.report(Actor.require(), id, request == null ? null : request.text());
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a reported filing (the data authority's officers)")
    Filing acknowledge(@PathVariable long id) {
        return filings.acknowledge(Actor.require(), id);
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document to an open filing, e.g. the yearly summary (PDF, JPEG, PNG)")
    AppointmentDocuments.Document addDocument(@PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file) {
        return filings.addDocument(Actor.require(), id, file);
    }
}

package cn.govdata.supervise.report;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

/** The documents supervision produces: the yearly report (SUP-2) and a project's acceptance evidence (CAT-10). */
@RestController
@RequestMapping("/api/v1/supervision")
class ReportController {

    private final YearlyReport report;
    private final AcceptanceEvidencePdf evidence;

    ReportController(YearlyReport report, AcceptanceEvidencePdf evidence) {
        this.report = report;
        this.evidence = evidence;
    }

    @GetMapping("/projects/{id}/acceptance.pdf")
    @Operation(summary = "An information project's acceptance evidence as PDF (its department and the authority)")
    ResponseEntity<byte[]> acceptancePdf(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("project-" + id + "-acceptance.pdf").build().toString())
                .body(evidence.pdf(Actor.require(), id));
    }

    @GetMapping("/reports/{year}.pdf")
    @Operation(summary = "The region's yearly supervision report as PDF (authority officers)")
    ResponseEntity<byte[]> pdf(@PathVariable int year) {
        byte[] pdf = report.pdf(Actor.require(), year);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("supervision-report-" + year + ".pdf").build().toString())
                .body(pdf);
    }
}

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

/** The documents supervision produces: the yearly report (SUP-2) a project's acceptance evidence (CAT-10) and a department's compliance statement (SUP-4). */
@RestController
@RequestMapping("/api/v1/supervision")
class ReportController {

    private final YearlyReport report;
    private final AcceptanceEvidencePdf evidence;
    private final ComplianceStatement compliance;

    ReportController(YearlyReport report, AcceptanceEvidencePdf evidence, ComplianceStatement compliance) {
        this.report = report;
        this.evidence = evidence;
        this.compliance = compliance;
    }

    @GetMapping("/compliance/{departmentId}/{year}.pdf")
    @Operation(summary = "A department's compliance statement for project approval and operating funds, as PDF")
    ResponseEntity<byte[]> compliancePdf(@PathVariable long departmentId, @PathVariable int year) {
        return download(compliance.pdf(Actor.require(), departmentId, year), MediaType.APPLICATION_PDF,
                "compliance-" + departmentId + "-" + year + ".pdf");
    }

    @GetMapping("/compliance/{departmentId}/{year}.xlsx")
    @Operation(summary = "A department's compliance statement for project approval and operating funds, as XLSX")
    ResponseEntity<byte[]> complianceXlsx(@PathVariable long departmentId, @PathVariable int year) {
        return download(compliance.xlsx(Actor.require(), departmentId, year), XLSX,
                "compliance-" + departmentId + "-" + year + ".xlsx");
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString()).body(body);
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

package cn.govdata.supervise.report;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;

/** The departments' yearly self-reports (SUP-2). */
@RestController
@RequestMapping("/api/v1/supervision/self-reports")
class SelfReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SelfReports reports;
    private final SelfReportFiles files;

    SelfReportController(SelfReports reports, SelfReportFiles files) {
        this.reports = reports;
        this.files = files;
    }

    @GetMapping
    @Operation(summary = "The self-reports on a year: every department's for the authority (who has not submitted "
            + "too), the caller's own department's for everyone else")
    List<SelfReport> list(@RequestParam int year) {
        return reports.list(Actor.require(), year);
    }

    @GetMapping("/{year}/departments/{departmentId}")
    @Operation(summary = "A department's self-report on a year, prefilled with its figures while not started")
    SelfReport get(@PathVariable int year, @PathVariable long departmentId) {
        return reports.get(Actor.require(), departmentId, year);
    }

    @PutMapping("/{year}/departments/{departmentId}")
    @Operation(summary = "Save the department's sections as a draft (not once submitted)")
    SelfReport save(@PathVariable int year, @PathVariable long departmentId,
            @RequestBody SelfReports.Sections sections) {
        return reports.save(Actor.require(), departmentId, year, sections);
    }

    @PostMapping("/{year}/departments/{departmentId}/submit")
    @Operation(summary = "Submit the self-report (every section written); then it is read-only")
    SelfReport submit(@PathVariable int year, @PathVariable long departmentId) {
        return reports.submit(Actor.require(), departmentId, year);
    }

    record ReturnRequest(String reason) {
    }

    @PostMapping("/{year}/departments/{departmentId}/return")
    @Operation(summary = "Return a submitted self-report to the department with a reason (authority officers)")
    SelfReport returnToDepartment(@PathVariable int year, @PathVariable long departmentId,
            @RequestBody ReturnRequest request) {
        return reports.returnToDepartment(Actor.require(), departmentId, year, request.reason());
    }

    @GetMapping("/{year}/departments/{departmentId}.pdf")
    @Operation(summary = "The self-report as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable int year, @PathVariable long departmentId) {
        SelfReport report = reports.forExport(Actor.require(), departmentId, year, "pdf");
        return download(files.pdf(report), MediaType.APPLICATION_PDF, year, departmentId, "pdf");
    }

    @GetMapping("/{year}/departments/{departmentId}.xlsx")
    @Operation(summary = "The self-report as XLSX")
    ResponseEntity<byte[]> xlsx(@PathVariable int year, @PathVariable long departmentId) {
        SelfReport report = reports.forExport(Actor.require(), departmentId, year, "xlsx");
        return download(files.xlsx(report), XLSX, year, departmentId, "xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, int year, long departmentId,
            String suffix) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("self-report-" + year + "-" + departmentId + "." + suffix).build().toString())
                .body(body);
    }
}

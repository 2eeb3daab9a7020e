package cn.govdata.open.revenue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.govdata.open.account.Labels;
import cn.govdata.open.release.OpenedDatasets;
import cn.govdata.org.Directory;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Revenue from authorised development in the console: recorded by the authority, allocated, reported and exported. */
@RestController
@RequestMapping("/api/v1/open/revenues")
@Tag(name = "Open-data revenue (console)", description = "revenue of authorised development and its allocation (OPN-8)")
class RevenueController {

    private static final List<String> COLUMNS = List.of("收益编号", "期间起", "期间止", "收益来源", "收益总额（元）",
            "提供部门", "贡献度（下载和调用次数）", "分配金额（元）", "记录人", "记录时间");

    private final Revenues revenues;
    private final Directory directory;
    private final OpenedDatasets datasets;

    RevenueController(Revenues revenues, Directory directory, OpenedDatasets datasets) {
        this.revenues = revenues;
        this.directory = directory;
        this.datasets = datasets;
    }

    record RevenueRequest(@Size(max = 100) List<Long> grants, BigDecimal amount, LocalDate periodStart,
            LocalDate periodEnd, @Size(max = 1000) String source) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record revenue of a grantee's product (amount in yuan, e.g. \"1234.50\") and allocate it "
            + "between the providing departments by the uses under each one's grants in the period")
    RevenueView record(@Valid @RequestBody RevenueRequest request) {
        return view(revenues.record(Actor.require(), new Revenues.Recording(request.grants(), request.amount(),
                request.periodStart(), request.periodEnd(), request.source())));
    }

    @GetMapping
    @Operation(summary = "The region's revenue (the authority) or the revenue the department has a share of")
    List<RevenueView> list() {
        return revenues.list(Actor.require()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    RevenueView get(@PathVariable long id) {
        return view(revenues.get(Actor.require(), id));
    }

    @GetMapping("/export")
    @Operation(summary = "The allocations as a table: format=csv (UTF-8 with BOM) or xlsx, a row per share")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format) {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new DomainException(ProblemCode.INVALID_VALUE, Labels.label("field.format"), format);
        }
        List<List<String>> rows = revenues.list(Actor.require()).stream().map(this::view)
                .flatMap(r -> r.shares().stream().map(s -> List.of(String.valueOf(r.id()), r.periodStart().toString(),
                        r.periodEnd().toString(), r.source(), r.amount(), s.departmentName(),
                        String.valueOf(s.contribution()), s.amount(), r.recordedBy(), r.recordedAt().toString())))
                .toList();
        byte[] body = kind.equals("csv") ? csv(rows) : xlsx(rows);
        String name = "开放数据收益分配-" + LocalDate.now(WorkingDayCalendar.ZONE) + "." + kind;
        return ResponseEntity.ok()
                .contentType(kind.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private RevenueView view(Revenue r) {
        return new RevenueView(r.id(), r.amount().toPlainString(), r.periodStart(), r.periodEnd(), r.source(),
                r.recordedBy(), r.recordedAt(),
                r.grants().stream().map(g -> new RevenueView.Grant(g.applicationId(),
                        datasets.byId(g.datasetId()).map(d -> d.content().name()).orElse(""),
                        departmentName(g.departmentId()), g.uses())).toList(),
                r.shares().stream().map(s -> new RevenueView.Share(s.departmentId(), departmentName(s.departmentId()),
                        s.contribution(), s.amount().toPlainString())).toList());
    }

    private String departmentName(long id) {
        return directory.department(id).map(Directory.DepartmentInfo::name).orElse("");
    }

    private static byte[] csv(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT)) {
            out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            printer.printRecord(COLUMNS);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(RevenueController::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("收益分配");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String value = rows.get(r).get(c);
                    if (c == 4 || c == 7) {
                        row.createCell(c).setCellValue(new BigDecimal(value).doubleValue());  // shown as a number
                    } else {
                        row.createCell(c).setCellValue(value);  // text cells: never read as formulas
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet would read as a formula is kept as text. */
    private static String inert(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

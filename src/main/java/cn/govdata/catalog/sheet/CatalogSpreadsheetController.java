package cn.govdata.catalog.sheet;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The catalog in Excel: the template, import of new entries, export of entries (CAT-1, CAT-9). */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "compile, review, publish and keep current the resource catalog")
class CatalogSpreadsheetController {

    private final CatalogImport imports;
    private final CatalogExport exports;

    CatalogSpreadsheetController(CatalogImport imports, CatalogExport exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The Excel template: sheets 信息资源, 信息项 and 填写说明, with an example row")
    void template(HttpServletResponse response) throws IOException {
        Actor.require();
        try (WorkbookDownload file = exports.template()) {
            file.send(response);
        }
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "Entries in the template layout, with their resource codes: the listed ids, a department's "
            + "entries (own department or the authority's reviewer), or the region's published catalog")
    void export(@RequestParam(required = false) String ids, @RequestParam(required = false) Long departmentId,
            @RequestParam(defaultValue = "false") boolean published, HttpServletResponse response) throws IOException {
        try (WorkbookDownload file = exports.export(Actor.require(), ids, departmentId, published)) {
            file.send(response);
        }
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import new entries of the caller's department from an .xlsx file (multipart field file) as "
            + "drafts, or also submit them (submit=true); all or nothing, every failing row is reported")
    ResponseEntity<CatalogImport.ImportReport> importFile(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean submit) {
        return ResponseEntity.status(HttpStatus.CREATED).body(imports.importFile(Actor.require(), file, submit));
    }
}

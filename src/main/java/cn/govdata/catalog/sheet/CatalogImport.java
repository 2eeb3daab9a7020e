package cn.govdata.catalog.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.entry.CatalogAccess;
import cn.govdata.catalog.entry.CatalogAuditAction;
import cn.govdata.catalog.entry.CatalogEntries;
import cn.govdata.catalog.entry.CatalogEntry;
import cn.govdata.catalog.entry.CatalogLeads;
import cn.govdata.catalog.entry.CatalogRules;
import cn.govdata.catalog.sheet.CatalogSheetLayout.EntryColumn;
import cn.govdata.catalog.sheet.CatalogSheetParser.ParsedEntry;
import cn.govdata.catalog.sheet.CatalogSheetParser.Problems;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * Imports catalog entries from an .xlsx workbook in the template layout (CAT-1): every row becomes a draft
 * of the editor's department through {@link CatalogEntries#create}, so codes, lead departments and audit
 * apply as for an entry drafted by hand, and on request is submitted for review. All or nothing: one row
 * that cannot be read or breaks a rule refuses the whole file, with every failing row, column and rule in
 * the answer; rows are saved in one transaction, so a failure late in the file undoes the earlier rows.
 */
@Service
class CatalogImport {

    /** The outcome of an import: the entries created, by the row they came from. */
    record ImportReport(int imported, boolean submitted, List<ImportedEntry> entries) {
    }

    record ImportedEntry(int row, long id, String resourceCode, String name, CatalogEntry.State state) {
    }

    private final CatalogEntries entries;
    private final CatalogLeads leads;
    private final Directory directory;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final int maxRows;
    private final int maxItemRows;

    CatalogImport(CatalogEntries entries, CatalogLeads leads, Directory directory, ActivePolicy policy,
            AuditLog audit, PlatformTransactionManager transactions,
            @Value("${govdata.catalog.import.max-rows:10000}") int maxRows,
            @Value("${govdata.catalog.import.max-item-rows:200000}") int maxItemRows) {
        this.entries = entries;
        this.leads = leads;
        this.directory = directory;
        this.policy = policy;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.maxRows = maxRows;
        this.maxItemRows = maxItemRows;
    }

    ImportReport importFile(Actor actor, MultipartFile file, boolean submit) {
        CatalogAccess.requireEditorOf(actor, actor.departmentId());
        if (file == null || file.isEmpty()) {
            throw CatalogWorkbookReader.unreadable("spreadsheet.no-file");
        }
        String filename = file.getOriginalFilename() == null ? ""
                : file.getOriginalFilename().replaceAll(".*[/\\\\]", "").strip();
        if (!filename.isEmpty() && !filename.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw CatalogWorkbookReader.unreadable("spreadsheet.not-xlsx");
        }
        CatalogWorkbookReader.Sheets sheets = read(file);
        try {
            return importRows(actor, filename, sheets, submit);
        } catch (DomainException e) {
            if (e.code() == ProblemCode.SPREADSHEET_INVALID) {
                audit.record(AuditEvent.failure(CatalogAuditAction.IMPORT, "catalog-entry", null,
                        describe(filename) + ": " + e.arguments()[0] + " row(s) refused, nothing saved"));
            }
            throw e;
        }
    }

    private CatalogWorkbookReader.Sheets read(MultipartFile file) {
        Path copy = null;
        try {
            copy = Files.createTempFile("catalog-import-", ".xlsx");
            file.transferTo(copy);
            CatalogWorkbookReader.Sheets sheets = CatalogWorkbookReader.read(copy, maxRows, maxItemRows);
            if (sheets.entries().isEmpty()) {
                throw CatalogWorkbookReader.unreadable("spreadsheet.no-rows", CatalogSheetLayout.ENTRY_SHEET);
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    private ImportReport importRows(Actor actor, String filename, CatalogWorkbookReader.Sheets sheets,
            boolean submit) {
        CatalogVocabulary vocabulary = new CatalogVocabulary(policy.profile());
        CatalogSheetParser parser = new CatalogSheetParser(vocabulary);
        CatalogSheetParser.Result parsed = parser.parse(sheets.entries(), sheets.items());
        Problems problems = parsed.problems();
        DepartmentInfo department = directory.department(actor.departmentId()).orElseThrow();
        for (ParsedEntry entry : parsed.entries()) {
            List<Violation> broken = submit ? CatalogRules.checkForSubmission(entry.content(), policy.profile())
                    : CatalogRules.checkDraft(entry.content());
            broken.forEach(v -> problems.add(parser.locate(entry, v)));
            if (entry.content().classification() != null) {
                try {
                    leads.requireMaintainer(department, entry.content().classification());
                } catch (DomainException e) {
                    problems.add(CatalogSheetLayout.ENTRY_SHEET, entry.row(), EntryColumn.CLASSIFICATION, e.code(),
                            e.arguments());
                }
            }
        }
        refuseIfAny(problems);
        // the rows are valid on their own: save them together; what only the database can tell (e.g. that a
        // related code exists) still refuses the whole file
        return transaction.execute(status -> {
            List<ImportedEntry> created = new ArrayList<>();
            for (ParsedEntry entry : parsed.entries()) {
                try {
                    CatalogEntry saved = entries.create(actor, new CatalogEntries.NewEntry(entry.content(), null,
                            "imported from " + describe(filename) + " row " + entry.row()));
                    if (submit) {
                        saved = entries.submit(actor, saved.id(), null);
                    }
                    created.add(new ImportedEntry(entry.row(), saved.id(), saved.resourceCode(),
                            saved.latest().content().name(), saved.latest().state()));
                } catch (DomainException e) {
                    status.setRollbackOnly();
                    if (e.violations().isEmpty()) {
                        problems.add(CatalogSheetLayout.ENTRY_SHEET, entry.row(), EntryColumn.KEY, e.code(),
                                e.arguments());
                    } else {
                        e.violations().forEach(v -> problems.add(parser.locate(entry, v)));
                    }
                }
            }
            refuseIfAny(problems);
            audit.record(AuditEvent.success(CatalogAuditAction.IMPORT, "catalog-entry", null,
                    describe(filename) + ": " + created.size() + " entries" + (submit ? " submitted" : " drafted")
                            + (created.isEmpty() ? "" : ", " + created.getFirst().resourceCode() + " … "
                                    + created.getLast().resourceCode())));
            return new ImportReport(created.size(), submit, created);
        });
    }

    private static void refuseIfAny(Problems problems) {
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.SPREADSHEET_INVALID, problems.sorted(), problems.rows());
        }
    }

    private static String describe(String filename) {
        String name = filename.isEmpty() ? "upload" : filename.replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}

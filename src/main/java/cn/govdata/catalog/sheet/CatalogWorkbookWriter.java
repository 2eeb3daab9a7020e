package cn.govdata.catalog.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.catalog.sheet.CatalogSheetLayout.Column;
import cn.govdata.catalog.sheet.CatalogSheetLayout.EntryColumn;
import cn.govdata.catalog.sheet.CatalogSheetLayout.ItemColumn;

/**
 * Writes catalog entries in the template layout with POI's streaming workbook (SXSSF): only a window of rows
 * is kept in memory, the rest goes to compressed temporary files until {@link #write} zips the workbook.
 * Always {@link #close} it, which deletes those files. Also writes the empty template: the same sheets, the
 * instructions, drop-downs for the code lists, and one example row.
 */
final class CatalogWorkbookWriter implements AutoCloseable {

    private static final int WINDOW = 200;
    private static final int CELL_MAX = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final CatalogVocabulary vocabulary;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet entrySheet;
    private final SXSSFSheet itemSheet;
    private final CellStyle dateStyle;
    private final CellStyle headerStyle;
    private final CellStyle wrapStyle;
    private int entryRow = 1;
    private int itemRow = 1;
    private int key = 0;

    CatalogWorkbookWriter(CatalogVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        wrapStyle = workbook.createCellStyle();
        wrapStyle.setWrapText(true);
        entrySheet = dataSheet(CatalogSheetLayout.ENTRY_SHEET, EntryColumn.values());
        itemSheet = dataSheet(CatalogSheetLayout.ITEM_SHEET, ItemColumn.values());
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        entrySheet.setDefaultColumnStyle(EntryColumn.CLASSIFICATION.ordinal(), text);
        entrySheet.setDefaultColumnStyle(EntryColumn.CODE.ordinal(), text);
        instructions();
        dropDowns();
    }

    /** Writes the example rows of the template. */
    CatalogWorkbookWriter withExample() {
        add(null, CatalogSheetLayout.example());
        return this;
    }

    /** Appends an entry and its data items; the 序号 counts from 1. */
    void add(String resourceCode, EntryContent content) {
        key++;
        Row row = entrySheet.createRow(entryRow++);
        number(row, EntryColumn.KEY, key);
        text(row, EntryColumn.CODE, resourceCode);
        text(row, EntryColumn.NAME, content.name());
        text(row, EntryColumn.CLASSIFICATION, content.classification() == null ? null : content.classification().code());
        text(row, EntryColumn.SUMMARY, content.summary());
        text(row, EntryColumn.FORMAT, vocabulary.formats.of(content.format()));
        text(row, EntryColumn.SUB_FORMAT, content.subFormat());
        if (content.releaseDate() != null) {
            Cell cell = row.createCell(EntryColumn.RELEASE_DATE.ordinal());
            cell.setCellValue(content.releaseDate());
            cell.setCellStyle(dateStyle);
        }
        text(row, EntryColumn.RELATED_CODES, String.join(";", content.relatedCodes()));
        text(row, EntryColumn.SHARE_TYPE, vocabulary.shareTypes.of(content.shareType()));
        text(row, EntryColumn.SHARE_CONDITION, content.shareCondition());
        text(row, EntryColumn.SHARE_METHOD, vocabulary.shareMethods.of(content.shareMethod()));
        text(row, EntryColumn.APPLICANT_MATERIALS, String.join(";", content.applicantMaterials()));
        basis(row, content.shareBasis(), EntryColumn.SHARE_BASIS_KIND, EntryColumn.SHARE_BASIS_TITLE,
                EntryColumn.SHARE_BASIS_ARTICLE);
        text(row, EntryColumn.OPEN_TYPE, vocabulary.openTypes.of(content.openType()));
        text(row, EntryColumn.OPEN_CONDITION, content.openCondition());
        basis(row, content.openBasis(), EntryColumn.OPEN_BASIS_KIND, EntryColumn.OPEN_BASIS_TITLE,
                EntryColumn.OPEN_BASIS_ARTICLE);
        text(row, EntryColumn.UPDATE_CYCLE, vocabulary.updateCycles.of(content.updateCycle()));
        text(row, EntryColumn.CLASSIFIED, CatalogVocabulary.yesNo(content.classified()));
        text(row, EntryColumn.GRADE, vocabulary.grades.of(content.grade()));
        for (DataItem item : content.dataItems()) {
            Row itemCells = itemSheet.createRow(itemRow++);
            number(itemCells, ItemColumn.KEY, key);
            text(itemCells, ItemColumn.NAME, item.name());
            text(itemCells, ItemColumn.CHINESE_NAME, item.chineseName());
            text(itemCells, ItemColumn.TYPE, vocabulary.dataTypes.of(item.type()));
            if (item.length() != null) {
                number(itemCells, ItemColumn.LENGTH, item.length());
            }
            text(itemCells, ItemColumn.REQUIRED, CatalogVocabulary.yesNo(item.required()));
            text(itemCells, ItemColumn.RECORD_KEY, CatalogVocabulary.yesNo(item.recordKey()));
            text(itemCells, ItemColumn.VALUE_STANDARD, item.valueStandard());
            text(itemCells, ItemColumn.SENSITIVITY, vocabulary.sensitivities.of(item.sensitivity()));
            text(itemCells, ItemColumn.GRADE, vocabulary.grades.of(item.grade()));
        }
    }

    /** Number of entries written. */
    int entries() {
        return key;
    }

    void write(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- layout --------------------------------------------------------------------------------------------

    private SXSSFSheet dataSheet(String name, Column[] columns) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (Column column : columns) {
            Cell cell = header.createCell(column.ordinal());
            cell.setCellValue(column.header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(column.ordinal(), Math.min(255, column.width() * 2 + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private void instructions() {
        SXSSFSheet sheet = workbook.createSheet(CatalogSheetLayout.INSTRUCTIONS_SHEET);
        int r = 0;
        for (String note : CatalogSheetLayout.NOTES) {
            sheet.createRow(r++).createCell(0).setCellValue(note);
        }
        r++;
        Row header = sheet.createRow(r++);
        String[] headers = { "工作表", "列名", "是否必填", "填写说明", "可选值" };
        int[] widths = { 10, 16, 14, 60, 60 };
        for (int i = 0; i < headers.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        for (EntryColumn column : EntryColumn.values()) {
            instruction(sheet.createRow(r++), CatalogSheetLayout.ENTRY_SHEET, column);
        }
        for (ItemColumn column : ItemColumn.values()) {
            instruction(sheet.createRow(r++), CatalogSheetLayout.ITEM_SHEET, column);
        }
    }

    private void instruction(Row row, String sheet, Column column) {
        row.createCell(0).setCellValue(sheet);
        row.createCell(1).setCellValue(column.header());
        row.createCell(2).setCellValue(column.need().zh);
        Cell help = row.createCell(3);
        help.setCellValue(column.help());
        help.setCellStyle(wrapStyle);
        List<String> choices = choices(column);
        if (choices != null) {
            Cell allowed = row.createCell(4);
            allowed.setCellValue(String.join("、", choices));
            allowed.setCellStyle(wrapStyle);
        }
    }

    /** The values a code-list column takes, or null for free text. */
    private List<String> choices(Column column) {
        if (column instanceof EntryColumn entry) {
            return switch (entry) {
                case FORMAT -> vocabulary.formats.choices();
                case SUB_FORMAT -> subFormats();
                case SHARE_TYPE -> vocabulary.shareTypes.choices();
                case SHARE_METHOD -> vocabulary.shareMethods.choices();
                case SHARE_BASIS_KIND, OPEN_BASIS_KIND -> vocabulary.basisKinds.choices();
                case OPEN_TYPE -> vocabulary.providedOpenTypes.stream().map(vocabulary.openTypes::of).toList();
                case UPDATE_CYCLE -> vocabulary.updateCycles.choices();
                case CLASSIFIED -> List.of(CatalogVocabulary.YES, CatalogVocabulary.NO);
                case GRADE -> vocabulary.grades.choices();
                case CLASSIFICATION -> List.of("1 基础信息资源（项：" + subjects(Classification.BASE_SUBJECTS) + "）",
                        "2 主题信息资源（项：" + subjects(Classification.THEMATIC_SUBJECTS) + "）", "3 部门信息资源");
                default -> null;
            };
        }
        return switch ((ItemColumn) column) {
            case TYPE -> vocabulary.dataTypes.choices().stream()
                    .map(zh -> zh + "(" + vocabulary.dataTypes.parse(zh).letter() + ")").toList();
            case REQUIRED, RECORD_KEY -> List.of(CatalogVocabulary.YES, CatalogVocabulary.NO);
            case SENSITIVITY -> vocabulary.sensitivities.choices();
            case GRADE -> vocabulary.grades.choices();
            default -> null;
        };
    }

    private static List<String> subFormats() {
        return java.util.Arrays.stream(ResourceFormat.values()).filter(f -> !f.subFormats().isEmpty())
                .map(f -> f.zh() + "：" + String.join("/", f.subFormats())).toList();
    }

    private static String subjects(java.util.Map<String, Classification.Subject> subjects) {
        StringBuilder text = new StringBuilder();
        subjects.forEach((item, subject) -> text.append(text.isEmpty() ? "" : " ").append(item).append(subject.zh()));
        return text.toString();
    }

    /** Drop-downs for the code-list columns; a warning, not a refusal, so that other spellings stay possible. */
    private void dropDowns() {
        dropDown(entrySheet, EntryColumn.FORMAT, vocabulary.formats.choices());
        dropDown(entrySheet, EntryColumn.SHARE_TYPE, vocabulary.shareTypes.choices());
        dropDown(entrySheet, EntryColumn.SHARE_METHOD, vocabulary.shareMethods.choices());
        dropDown(entrySheet, EntryColumn.SHARE_BASIS_KIND, vocabulary.basisKinds.choices());
        dropDown(entrySheet, EntryColumn.OPEN_TYPE,
                vocabulary.providedOpenTypes.stream().map(vocabulary.openTypes::of).toList());
        dropDown(entrySheet, EntryColumn.OPEN_BASIS_KIND, vocabulary.basisKinds.choices());
        dropDown(entrySheet, EntryColumn.UPDATE_CYCLE, vocabulary.updateCycles.choices());
        dropDown(entrySheet, EntryColumn.CLASSIFIED, List.of(CatalogVocabulary.YES, CatalogVocabulary.NO));
        dropDown(itemSheet, ItemColumn.TYPE, vocabulary.dataTypes.choices());
        dropDown(itemSheet, ItemColumn.REQUIRED, List.of(CatalogVocabulary.YES, CatalogVocabulary.NO));
        dropDown(itemSheet, ItemColumn.RECORD_KEY, List.of(CatalogVocabulary.YES, CatalogVocabulary.NO));
        dropDown(itemSheet, ItemColumn.SENSITIVITY, vocabulary.sensitivities.choices());
        dropDown(entrySheet, EntryColumn.GRADE, vocabulary.grades.choices());
        dropDown(itemSheet, ItemColumn.GRADE, vocabulary.grades.choices());
    }

    private static void dropDown(Sheet sheet, Column column, List<String> choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        CellRangeAddressList range = new CellRangeAddressList(1, SpreadsheetVersion.EXCEL2007.getLastRowIndex(),
                column.ordinal(), column.ordinal());
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(choices.toArray(String[]::new)), range);
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    // --- cells ---------------------------------------------------------------------------------------------

    private static void text(Row row, Column column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column.ordinal())
                    .setCellValue(value.length() > CELL_MAX ? value.substring(0, CELL_MAX) : value);
        }
    }

    private static void number(Row row, Column column, int value) {
        row.createCell(column.ordinal()).setCellValue(value);
    }

    private void basis(Row row, LegalBasis basis, Column kind, Column title, Column article) {
        if (basis != null) {
            text(row, kind, vocabulary.basisKinds.of(basis.kind()));
            text(row, title, basis.title());
            text(row, article, basis.article());
        }
    }
}

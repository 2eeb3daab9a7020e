package cn.govdata.catalog.sheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.catalog.sheet.CatalogSheetLayout.Column;
import cn.govdata.catalog.sheet.CatalogSheetLayout.EntryColumn;
import cn.govdata.catalog.sheet.CatalogSheetLayout.ItemColumn;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/**
 * Turns the rows of the two template sheets into entry content: one entry per row of 信息资源 with the rows
 * of 信息项 that carry its 序号. Every value that cannot be read is reported with its sheet, row and column
 * ({@code 信息项!12 数据类型}); so are the catalog rules' violations, once {@link #locate} has placed them.
 */
final class CatalogSheetParser {

    /** A non-blank row of a sheet: its 1-based Excel row number and its cells by column header. */
    record SheetRow(int number, Map<String, String> cells) {

        String get(Column column) {
            String value = cells.get(column.header());
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * One row of 信息资源 as read.
     *
     * @param itemRows the 信息项 row of each data item, in the order of {@code content.dataItems()}
     */
    record ParsedEntry(int row, String key, EntryContent content, List<Integer> itemRows) {
    }

    record Result(List<ParsedEntry> entries, Problems problems) {
    }

    /** Violations of an upload, kept in sheet and row order, at most one per cell. */
    static final class Problems {

        private record Located(int sheet, int row, int column, int order, Violation violation) {
        }

        private final List<Located> list = new ArrayList<>();
        private final Set<String> locations = new HashSet<>();

        void add(String sheet, int row, Column column, ProblemCode code, Object... arguments) {
            add(Violation.of(location(sheet, row, column), code, arguments));
        }

        /**
         * Adds a violation located as {@code sheet!row column}, unless its cell already has one: a value that
         * could not be read is not reported as missing too.
         */
        void add(Violation violation) {
            if (locations.add(violation.location())) {
                Matcher m = LOCATION.matcher(violation.location());
                boolean located = m.matches();
                boolean item = located && CatalogSheetLayout.ITEM_SHEET.equals(m.group(1));
                Column[] columns = item ? ItemColumn.values() : EntryColumn.values();
                int column = columns.length;
                for (Column c : columns) {
                    if (located && c.header().equals(m.group(3))) {
                        column = c.ordinal();
                    }
                }
                list.add(new Located(item ? 1 : 0, located ? Integer.parseInt(m.group(2)) : 0, column, list.size(),
                        violation));
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** Every violation, sheet by sheet, row by row. */
        List<Violation> sorted() {
            return list.stream().sorted(Comparator.comparingInt(Located::sheet).thenComparingInt(Located::row)
                    .thenComparingInt(Located::column).thenComparingInt(Located::order)).map(Located::violation).toList();
        }

        /** How many rows were refused. */
        long rows() {
            return list.stream().map(l -> l.sheet() + "!" + l.row()).distinct().count();
        }
    }

    private static final Pattern LOCATION = Pattern.compile("([^!]+)!(\\d+) (.*)");
    private static final Pattern DATE = Pattern
            .compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；]");
    /** Resource codes hold no commas or spaces, so these separate them too. */
    private static final Pattern CODE_SEPARATOR = Pattern.compile("[;；,，、\\s]");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("(\\d+)\\.0*");
    private static final Pattern ITEM_FIELD = Pattern.compile("dataItems\\[(\\d+)](?:\\.(\\w+))?");
    private static final String YES_NO = CatalogVocabulary.YES + "/" + CatalogVocabulary.NO;

    private final CatalogVocabulary vocabulary;

    CatalogSheetParser(CatalogVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Result parse(List<SheetRow> entryRows, List<SheetRow> itemRows) {
        Problems problems = new Problems();
        Map<String, Integer> entryKeys = new LinkedHashMap<>();
        for (SheetRow row : entryRows) {
            String key = row.get(EntryColumn.KEY);
            if (key == null) {
                problems.add(CatalogSheetLayout.ENTRY_SHEET, row.number(), EntryColumn.KEY, ProblemCode.FIELD_REQUIRED,
                        EntryColumn.KEY.header());
            } else if (entryKeys.putIfAbsent(key, row.number()) != null) {
                problems.add(CatalogSheetLayout.ENTRY_SHEET, row.number(), EntryColumn.KEY,
                        ProblemCode.SPREADSHEET_DUPLICATE_KEY, key);
            }
        }
        Map<Integer, List<SheetRow>> itemsByEntryRow = new LinkedHashMap<>();
        for (SheetRow item : itemRows) {
            String key = item.get(ItemColumn.KEY);
            if (key == null) {
                problems.add(CatalogSheetLayout.ITEM_SHEET, item.number(), ItemColumn.KEY, ProblemCode.FIELD_REQUIRED,
                        ItemColumn.KEY.header());
            } else if (!entryKeys.containsKey(key)) {
                problems.add(CatalogSheetLayout.ITEM_SHEET, item.number(), ItemColumn.KEY,
                        ProblemCode.SPREADSHEET_UNKNOWN_KEY, key);
            } else {
                itemsByEntryRow.computeIfAbsent(entryKeys.get(key), n -> new ArrayList<>()).add(item);
            }
        }
        List<ParsedEntry> entries = new ArrayList<>();
        for (SheetRow row : entryRows) {
            entries.add(entry(row, itemsByEntryRow.getOrDefault(row.number(), List.of()), problems));
        }
        return new Result(entries, problems);
    }

    private ParsedEntry entry(SheetRow row, List<SheetRow> itemRows, Problems problems) {
        Cells cells = new Cells(CatalogSheetLayout.ENTRY_SHEET, row, problems);
        String code = row.get(EntryColumn.CODE);
        if (code != null) {
            cells.refuse(EntryColumn.CODE, ProblemCode.SPREADSHEET_CODE_ASSIGNED, code);
        }
        List<DataItem> items = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (SheetRow itemRow : itemRows) {
            items.add(item(itemRow, problems));
            numbers.add(itemRow.number());
        }
        ResourceFormat format = cells.choice(EntryColumn.FORMAT, vocabulary.formats);
        String subFormat = row.get(EntryColumn.SUB_FORMAT);
        if (format != null && format.canonicalSubFormat(subFormat) != null) {
            subFormat = format.canonicalSubFormat(subFormat);
        }
        Boolean classified = cells.yesNo(EntryColumn.CLASSIFIED);
        EntryContent content = new EntryContent(row.get(EntryColumn.NAME), cells.classification(),
                row.get(EntryColumn.SUMMARY), format, subFormat, cells.date(EntryColumn.RELEASE_DATE),
                cells.list(EntryColumn.RELATED_CODES, CODE_SEPARATOR), Boolean.TRUE.equals(classified), items,
                cells.choice(EntryColumn.SHARE_TYPE, vocabulary.shareTypes), row.get(EntryColumn.SHARE_CONDITION),
                cells.choice(EntryColumn.SHARE_METHOD, vocabulary.shareMethods),
                cells.list(EntryColumn.APPLICANT_MATERIALS, LIST_SEPARATOR),
                cells.basis(EntryColumn.SHARE_BASIS_KIND, EntryColumn.SHARE_BASIS_TITLE, EntryColumn.SHARE_BASIS_ARTICLE),
                cells.choice(EntryColumn.OPEN_TYPE, vocabulary.openTypes), row.get(EntryColumn.OPEN_CONDITION),
                cells.basis(EntryColumn.OPEN_BASIS_KIND, EntryColumn.OPEN_BASIS_TITLE, EntryColumn.OPEN_BASIS_ARTICLE),
                cells.choice(EntryColumn.UPDATE_CYCLE, vocabulary.updateCycles),
                cells.choice(EntryColumn.GRADE, vocabulary.grades));
        return new ParsedEntry(row.number(), row.get(EntryColumn.KEY), content, List.copyOf(numbers));
    }

    private DataItem item(SheetRow row, Problems problems) {
        Cells cells = new Cells(CatalogSheetLayout.ITEM_SHEET, row, problems);
        Sensitivity sensitivity = cells.choice(ItemColumn.SENSITIVITY, vocabulary.sensitivities);
        return new DataItem(row.get(ItemColumn.NAME), row.get(ItemColumn.CHINESE_NAME),
                cells.choice(ItemColumn.TYPE, vocabulary.dataTypes), cells.length(),
                Boolean.TRUE.equals(cells.yesNo(ItemColumn.REQUIRED)),
                Boolean.TRUE.equals(cells.yesNo(ItemColumn.RECORD_KEY)), row.get(ItemColumn.VALUE_STANDARD),
                sensitivity, cells.choice(ItemColumn.GRADE, vocabulary.grades));
    }

    /** The cells of one row, reporting what cannot be read. */
    private final class Cells {

        private final String sheet;
        private final SheetRow row;
        private final Problems problems;

        Cells(String sheet, SheetRow row, Problems problems) {
            this.sheet = sheet;
            this.row = row;
            this.problems = problems;
        }

        void refuse(Column column, ProblemCode code, Object... arguments) {
            problems.add(sheet, row.number(), column, code, arguments);
        }

        <E extends Enum<E>> E choice(Column column, CatalogVocabulary.Names<E> names) {
            String text = row.get(column);
            if (text == null) {
                return null;
            }
            E value = names.parse(text);
            if (value == null) {
                String allowed = String.join("/", names.choices());
                if (names == vocabulary.dataTypes) {
                    allowed += " (C/N/Y/D/T/L/M/G/B/I/F)";
                }
                refuse(column, ProblemCode.INVALID_VALUE, column.header(), allowed);
            }
            return value;
        }

        Boolean yesNo(Column column) {
            String text = row.get(column);
            if (text == null) {
                return null;
            }
            Boolean value = CatalogVocabulary.parseYesNo(text);
            if (value == null) {
                refuse(column, ProblemCode.INVALID_VALUE, column.header(), YES_NO);
            }
            return value;
        }

        Classification classification() {
            String text = row.get(EntryColumn.CLASSIFICATION);
            if (text == null) {
                return null;
            }
            Matcher number = WHOLE_NUMBER.matcher(text);
            if (number.matches()) {
                text = number.group(1); // a code typed as a number in a cell formatted with decimals
            }
            try {
                return Classification.parse(text);
            } catch (DomainException e) {
                refuse(EntryColumn.CLASSIFICATION, e.code(), e.arguments());
                return null;
            }
        }

        LocalDate date(Column column) {
            String text = row.get(column);
            if (text == null) {
                return null;
            }
            Matcher m = DATE.matcher(text);
            if (!m.matches()) {
                m = COMPACT_DATE.matcher(text);
            }
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    // reported below
                }
            }
            refuse(column, ProblemCode.INVALID_DATE, text);
            return null;
        }

        List<String> list(Column column, Pattern separator) {
            String text = row.get(column);
            if (text == null) {
                return List.of();
            }
            return Arrays.stream(separator.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        Integer length() {
            String text = row.get(ItemColumn.LENGTH);
            if (text == null) {
                return null;
            }
            try {
                int length = new BigDecimal(text.replace(",", "")).intValueExact();
                if (length >= 1) {
                    return length;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            refuse(ItemColumn.LENGTH, ProblemCode.INVALID_VALUE, ItemColumn.LENGTH.header(), "1–1000000");
            return null;
        }

        /** A legal basis from its three columns; null when all three are empty. */
        LegalBasis basis(Column kindColumn, Column titleColumn, Column articleColumn) {
            LegalBasis.Kind kind = choice(kindColumn, vocabulary.basisKinds);
            String title = row.get(titleColumn);
            String article = row.get(articleColumn);
            if (kind == null && title == null && article == null) {
                return null;
            }
            return new LegalBasis(kind, title, article);
        }
    }

    // --- placing the rules' violations ---------------------------------------------------------------------

    /**
     * Places a violation of the catalog rules, which names a field of the content (e.g.
     * {@code dataItems[2].type}), at the sheet, row and column it came from, naming the column in the message.
     */
    Violation locate(ParsedEntry entry, Violation violation) {
        String field = violation.location();
        String sheet = CatalogSheetLayout.ENTRY_SHEET;
        int row = entry.row();
        Column column;
        Matcher item = ITEM_FIELD.matcher(field == null ? "" : field);
        if (item.matches() && Integer.parseInt(item.group(1)) < entry.itemRows().size()) {
            sheet = CatalogSheetLayout.ITEM_SHEET;
            row = entry.itemRows().get(Integer.parseInt(item.group(1)));
            column = itemColumn(item.group(2));
        } else {
            column = entryColumn(field == null ? "" : field.replaceAll("\\[.*", ""), entry.content());
        }
        List<Object> arguments = new ArrayList<>();
        for (Object argument : violation.arguments()) {
            if (argument instanceof FieldName name && name.path().equals(field)) {
                arguments.add(column.header());
            } else {
                arguments.add(argument);
            }
        }
        return new Violation(location(sheet, row, column), violation.code(), arguments);
    }

    static String location(String sheet, int row, Column column) {
        return sheet + "!" + row + " " + column.header();
    }

    private static Column itemColumn(String property) {
        if (property == null) {
            return ItemColumn.NAME;
        }
        return switch (property) {
            case "chineseName" -> ItemColumn.CHINESE_NAME;
            case "type" -> ItemColumn.TYPE;
            case "length" -> ItemColumn.LENGTH;
            case "required" -> ItemColumn.REQUIRED;
            case "recordKey" -> ItemColumn.RECORD_KEY;
            case "valueStandard" -> ItemColumn.VALUE_STANDARD;
            case "sensitivity" -> ItemColumn.SENSITIVITY;
            case "grade" -> ItemColumn.GRADE;
            default -> ItemColumn.NAME;
        };
    }

    private static Column entryColumn(String field, EntryContent content) {
        return switch (field) {
            case "name" -> EntryColumn.NAME;
            case "classification" -> EntryColumn.CLASSIFICATION;
            case "summary" -> EntryColumn.SUMMARY;
            case "format" -> EntryColumn.FORMAT;
            case "subFormat" -> EntryColumn.SUB_FORMAT;
            case "releaseDate" -> EntryColumn.RELEASE_DATE;
            case "relatedCodes" -> EntryColumn.RELATED_CODES;
            case "classified" -> EntryColumn.CLASSIFIED;
            case "grade" -> EntryColumn.GRADE;
            case "shareType" -> EntryColumn.SHARE_TYPE;
            case "shareCondition" -> EntryColumn.SHARE_CONDITION;
            case "shareMethod" -> EntryColumn.SHARE_METHOD;
            case "applicantMaterials" -> EntryColumn.APPLICANT_MATERIALS;
            case "shareBasis" -> basisColumn(content.shareBasis(), EntryColumn.SHARE_BASIS_KIND,
                    EntryColumn.SHARE_BASIS_TITLE, EntryColumn.SHARE_BASIS_ARTICLE);
            case "openType" -> EntryColumn.OPEN_TYPE;
            case "openCondition" -> EntryColumn.OPEN_CONDITION;
            case "openBasis" -> basisColumn(content.openBasis(), EntryColumn.OPEN_BASIS_KIND,
                    EntryColumn.OPEN_BASIS_TITLE, EntryColumn.OPEN_BASIS_ARTICLE);
            case "updateCycle" -> EntryColumn.UPDATE_CYCLE;
            default -> EntryColumn.KEY;
        };
    }

    /** The first of the three basis columns that is missing. */
    private static Column basisColumn(LegalBasis basis, Column kind, Column title, Column article) {
        if (basis == null || basis.kind() == null) {
            return kind;
        }
        if (basis.title() == null || basis.title().isBlank()) {
            return title;
        }
        return article;
    }
}

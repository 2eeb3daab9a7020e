package cn.govdata.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds and reads catalog workbooks in tests, with POI, in the documented layout (docs/catalog-excel.md).
 * The headers are spelled out here rather than taken from the product, so that a changed header breaks a test.
 */
public final class CatalogWorkbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static final List<String> ENTRY_HEADERS = List.of("序号", "资源代码", "信息资源名称", "资源分类代码", "信息资源摘要",
            "信息资源格式", "格式细类", "发布日期", "关联资源代码", "共享类型", "共享条件", "共享方式", "申请材料", "共享依据类别",
            "共享依据名称", "共享依据条款", "开放类型", "开放条件", "不予开放依据类别", "不予开放依据名称", "不予开放依据条款",
            "更新周期", "是否涉密", "数据分级");

    public static final List<String> ITEM_HEADERS = List.of("序号", "信息项名称", "中文名称", "数据类型", "数据长度", "是否必填",
            "是否主键", "值域标准", "敏感属性", "数据分级");

    private CatalogWorkbooks() {
    }

    /** A row by column header; values are text, numbers (numeric cells) or dates (date cells). */
    public static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** A complete entry row that passes every rule (yantai profile), the classification typed as a number. */
    public static Map<String, Object> entryRow(Object key, String name) {
        return row("序号", key, "信息资源名称", name, "资源分类代码", 301001, "信息资源摘要", name + "，按月汇总。",
                "信息资源格式", "数据库", "格式细类", "PostgreSQL", "发布日期", LocalDate.of(2026, 1, 15), "共享类型", "无条件共享",
                "共享方式", "共享平台-接口", "开放类型", "无条件开放", "更新周期", "每日", "是否涉密", "否");
    }

    public static Map<String, Object> itemRow(Object key, String name, String chineseName, String type, Object length) {
        return row("序号", key, "信息项名称", name, "中文名称", chineseName, "数据类型", type, "数据长度", length, "是否必填",
                "是", "是否主键", "否");
    }

    public static byte[] workbook(List<Map<String, Object>> entries, List<Map<String, Object>> items) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14); // the built-in m/d/yy, as Excel formats a typed date
            sheet(workbook, "信息资源", ENTRY_HEADERS, entries, date);
            sheet(workbook, "信息项", ITEM_HEADERS, items, date);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sheet(Workbook workbook, String name, List<String> headers, List<Map<String, Object>> rows,
            CellStyle dateStyle) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            header.createCell(c).setCellValue(headers.get(c));
        }
        int r = 1;
        for (Map<String, Object> values : rows) {
            Row row = sheet.createRow(r++);
            values.forEach((column, value) -> {
                int c = headers.indexOf(column);
                if (c < 0) {
                    throw new IllegalArgumentException("no column " + column);
                }
                Cell cell = row.createCell(c);
                switch (value) {
                    case null -> cell.setBlank();
                    case Number n -> cell.setCellValue(n.doubleValue());
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    }
                    default -> cell.setCellValue(value.toString());
                }
            });
        }
    }

    /** A workbook with many minimal entry rows, written as a stream. */
    public static byte[] manyEntries(int count) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet entries = workbook.createSheet("信息资源");
            Row header = entries.createRow(0);
            for (int c = 0; c < ENTRY_HEADERS.size(); c++) {
                header.createCell(c).setCellValue(ENTRY_HEADERS.get(c));
            }
            for (int r = 1; r <= count; r++) {
                Row row = entries.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(2).setCellValue("批量条目" + r);
                row.createCell(3).setCellValue("301001");
            }
            Sheet items = workbook.createSheet("信息项");
            Row itemHeader = items.createRow(0);
            for (int c = 0; c < ITEM_HEADERS.size(); c++) {
                itemHeader.createCell(c).setCellValue(ITEM_HEADERS.get(c));
            }
            return bytes(workbook);
        } finally {
            workbook.dispose();
        }
    }

    public static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Workbook workbook) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.govdata.supervise.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.govdata.supervise.metric.Metric;
import cn.govdata.supervise.report.SelfReport.Figure;

/**
 * A department's self-report as files: PDF (with the CJK font embedded, as the authority's yearly report) and
 * XLSX (one sheet of the figures, one of the written sections), both in the words the report was written in.
 */
@Component
class SelfReportFiles {

    byte[] pdf(SelfReport report) {
        String title = report.departmentName() + report.year() + "年度政务数据工作自评报告";
        try (ReportPages pages = new ReportPages(title)) {
            pages.heading(title, 16);
            pages.paragraph(status(report), 10);
            pages.heading("一、年度指标（平台记录）", 13);
            if (report.score() != null) {
                pages.paragraph("得分" + String.format("%.1f", report.score()) + "分，等级：" + report.gradeLabel()
                        + "（评分方法版本" + report.methodVersion() + "）。", 10);
            }
            float[] widths = { 330, 165 };
            pages.row(List.of("指标", "数值"), widths, 9, true);
            for (Figure figure : report.figures()) {
                pages.row(List.of(figure.label(), value(figure)), widths, 9, false);
            }
            pages.heading("二、工作开展情况", 13);
            pages.paragraph(orDash(report.workDone()), 10);
            pages.heading("三、存在的问题", 13);
            pages.paragraph(orDash(report.problems()), 10);
            pages.heading("四、下一步工作计划", 13);
            pages.paragraph(orDash(report.plans()), 10);
            return pages.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] xlsx(SelfReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet figures = workbook.createSheet("年度指标");
            row(figures, 0, bold, "部门", report.departmentName());
            row(figures, 1, bold, "年度", String.valueOf(report.year()));
            row(figures, 2, bold, "状态", status(report));
            row(figures, 3, bold, "得分", report.score() == null ? "—" : String.format("%.1f", report.score()));
            row(figures, 4, bold, "等级", orDash(report.gradeLabel()));
            row(figures, 6, bold, "指标", "数值");
            int at = 7;
            for (Figure figure : report.figures()) {
                Row row = figures.createRow(at++);
                row.createCell(0).setCellValue(figure.label());
                if (figure.value() == null) {
                    row.createCell(1).setCellValue("—");
                } else {
                    row.createCell(1).setCellValue(figure.value());
                }
            }
            figures.setColumnWidth(0, 30 * 256);
            figures.setColumnWidth(1, 40 * 256);
            Sheet sections = workbook.createSheet("自评内容");
            row(sections, 0, bold, "工作开展情况", orDash(report.workDone()));
            row(sections, 1, bold, "存在的问题", orDash(report.problems()));
            row(sections, 2, bold, "下一步工作计划", orDash(report.plans()));
            sections.setColumnWidth(0, 20 * 256);
            sections.setColumnWidth(1, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, CellStyle bold, String label, String value) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(value);
    }

    private static String status(SelfReport report) {
        String text = "状态：" + report.statusLabel();
        if (report.submittedAt() != null && report.status() == SelfReport.Status.SUBMITTED) {
            text += "（" + report.submittedBy() + "于" + report.submittedAt().toLocalDate() + "提交）";
        }
        if (report.dueOn() != null) {
            text += "；报送期限：" + report.dueOn() + (report.dueBasis() == null ? "" : "（依据" + report.dueBasis() + "）");
        }
        return text + "。";
    }

    private static String value(Figure figure) {
        if (figure.value() == null) {
            return "—";
        }
        return figure.kind() == Metric.Kind.RATIO ? String.format("%.1f%%", figure.value() * 100)
                : String.format("%.0f", figure.value());
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}

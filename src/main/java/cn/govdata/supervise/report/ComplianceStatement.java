package cn.govdata.supervise.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.org.Directory.DepartmentInfo;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;
import cn.govdata.supervise.metric.Scorecard;
import cn.govdata.supervise.metric.Scorecards;
import cn.govdata.supervise.project.Project;
import cn.govdata.supervise.project.Projects;
import cn.govdata.supervise.violation.ViolationStatus;
import cn.govdata.supervise.violation.ViolationView;
import cn.govdata.supervise.violation.Violations;

/**
 * A department's compliance statement for a year (SUP-4, NX20 AB11 TJ10 FZ7): what an approval body or a finance
 * office reads before approving a project or operating funds. It puts together, from the platform's records only,
 * the department's scorecard, its violations of the year and those still open with their correction orders, and
 * its information projects with the outcome of their catalog checks; as PDF (CJK font embedded) and XLSX. It
 * states the facts and gives no verdict of its own: the approval is the reader's.
 */
@Service
public class ComplianceStatement {

    /** What the statement says. */
    record Facts(DepartmentInfo department, String regionName, int year, LocalDate producedOn, Scorecard card,
            int departmentsRanked, List<Scorecards.MetricDefinition> metrics, List<ViolationView> violations,
            List<Project> projects) {

        long open() {
            return violations.stream().filter(v -> v.status().open()).count();
        }

        long escalated() {
            return violations.stream().filter(v -> v.status() == ViolationStatus.ESCALATED).count();
        }

        long accepted() {
            return projects.stream().filter(p -> p.status() == cn.govdata.supervise.project.ProjectStatus.ACCEPTED)
                    .count();
        }
    }

    private final Scorecards scorecards;
    private final Violations violations;
    private final Projects projects;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    ComplianceStatement(Scorecards scorecards, Violations violations, Projects projects, Directory directory,
            WorkingDayCalendar calendar, AuditLog audit) {
        this.scorecards = scorecards;
        this.violations = violations;
        this.projects = projects;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    public byte[] pdf(Actor actor, long departmentId, int year) {
        Facts facts = facts(actor, departmentId, year, "pdf");
        try {
            return render(facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public byte[] xlsx(Actor actor, long departmentId, int year) {
        Facts facts = facts(actor, departmentId, year, "xlsx");
        try {
            return workbook(facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The department's own people and the authority's officers; another department is refused (403). */
    private Facts facts(Actor actor, long departmentId, int year, String format) {
        DepartmentInfo department = directory.department(departmentId)
                .orElseThrow(() -> DomainException.notFound("department", departmentId));
        SuperviseAccess.requireSees(actor, departmentId, department.regionId());
        List<Scorecard> cards = scorecards.region(department.regionId(), year);
        Scorecard card = cards.stream().filter(c -> c.departmentId() == departmentId).findFirst().orElse(null);
        // the year's violations, and those of earlier years still open: both weigh on an approval today
        List<ViolationView> found = violations.list(actor, departmentId, null, null).stream()
                .filter(v -> v.detectedOn().getYear() == year || (v.status().open() && v.detectedOn().getYear() < year))
                .toList();
        List<Project> projectsOfYear = projects.ofDepartment(departmentId).stream()
                .filter(p -> p.startsOn().getYear() <= year && p.endsOn().getYear() >= year).toList();
        String region = directory.region(department.regionId()).map(Directory.RegionInfo::name).orElse("");
        audit.record(AuditEvent.success(SuperviseAuditAction.COMPLIANCE_EXPORT, "department", departmentId,
                year + " " + format));
        return new Facts(department, region, year, calendar.today(), card, cards.size(), scorecards.definitions(),
                found, projectsOfYear);
    }

    private static String title(Facts facts) {
        return facts.department().name() + facts.year() + "年度政务数据管理合规情况说明";
    }

    private static String summary(Facts facts) {
        String score = facts.card() == null ? "本年度无评分记录。"
                : "年度得分" + String.format("%.1f", facts.card().score()) + "分，等级" + facts.card().gradeLabel() + "，在"
                        + facts.departmentsRanked() + "个部门中排名第" + facts.card().rank() + "（评分方法版本"
                        + facts.card().methodVersion() + (facts.card().frozen() ? "，已固定" : "，年度未结束，截至出具日期") + "）。";
        return score + "平台发现违规" + facts.violations().size() + "起，其中尚未整改完毕" + facts.open() + "起、已通报"
                + facts.escalated() + "起。在建或本年度的信息化项目" + facts.projects().size() + "个，其中通过验收核查"
                + facts.accepted() + "个。";
    }

    private byte[] render(Facts facts) throws IOException {
        String title = title(facts);
        try (ReportPages pages = new ReportPages(title)) {
            pages.heading(title, 15);
            pages.paragraph("出具单位：" + facts.regionName() + "政务数据主管部门（政务数据共享平台）。出具日期：" + facts.producedOn()
                    + "。本说明依据平台记录自动生成，供项目审批和运维经费安排参考。", 9);
            pages.heading("一、总体情况", 13);
            pages.paragraph(summary(facts), 10);

            pages.heading("二、评分指标", 13);
            float[] metricWidths = { 200, 80, 215 };
            pages.row(List.of("指标", "数值", "说明"), metricWidths, 8, true);
            for (Scorecards.MetricDefinition metric : facts.metrics()) {
                Double value = facts.card() == null ? null : facts.card().metrics().get(metric.key());
                pages.row(List.of(metric.label(), value(metric, value), metric.definition()), metricWidths, 8, false);
            }

            pages.heading("三、违规及整改情况", 13);
            if (facts.violations().isEmpty()) {
                pages.paragraph("平台未发现违规。", 10);
            } else {
                float[] widths = { 65, 105, 150, 75, 100 };
                pages.row(List.of("发现日期", "类型", "事项", "状态", "整改期限"), widths, 8, true);
                for (ViolationView v : facts.violations()) {
                    pages.row(List.of(v.detectedOn().toString(), v.typeLabel(), v.subject(), v.statusLabel(),
                            v.dueOn() == null ? "—" : v.dueOn().toString()), widths, 8, false);
                }
            }

            pages.heading("四、信息化项目数据目录核查情况", 13);
            if (facts.projects().isEmpty()) {
                pages.paragraph("无登记的信息化项目。", 10);
            } else {
                float[] widths = { 80, 135, 90, 95, 95 };
                pages.row(List.of("项目编号", "项目名称", "状态", "审批前核查", "验收核查"), widths, 8, true);
                for (Project p : facts.projects()) {
                    pages.row(List.of(p.code(), p.name(), p.statusLabel(), approval(p), acceptance(p)), widths, 8, false);
                }
            }
            return pages.toBytes();
        }
    }

    private byte[] workbook(Facts facts) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet overview = workbook.createSheet("总体情况");
            row(overview, 0, bold, title(facts));
            row(overview, 1, null, "部门", facts.department().name());
            row(overview, 2, null, "统一社会信用代码", facts.department().creditCode());
            row(overview, 3, null, "年度", facts.year());
            row(overview, 4, null, "出具日期", facts.producedOn().toString());
            row(overview, 5, null, "得分", facts.card() == null ? "—" : facts.card().score());
            row(overview, 6, null, "等级", facts.card() == null ? "—" : facts.card().gradeLabel());
            row(overview, 7, null, "排名", facts.card() == null ? "—" : facts.card().rank() + "/" + facts.departmentsRanked());
            row(overview, 8, null, "评分方法版本", facts.card() == null ? "—" : facts.card().methodVersion());
            row(overview, 9, null, "违规总数", facts.violations().size());
            row(overview, 10, null, "尚未整改完毕", facts.open());
            row(overview, 11, null, "已通报", facts.escalated());
            row(overview, 12, null, "信息化项目", facts.projects().size());
            row(overview, 13, null, "通过验收核查", facts.accepted());
            row(overview, 14, null, "说明", summary(facts));

            Sheet metrics = workbook.createSheet("评分指标");
            row(metrics, 0, bold, "指标", "数值", "说明");
            int r = 1;
            for (Scorecards.MetricDefinition metric : facts.metrics()) {
                Double value = facts.card() == null ? null : facts.card().metrics().get(metric.key());
                row(metrics, r++, null, metric.label(), value(metric, value), metric.definition());
            }

            Sheet found = workbook.createSheet("违规及整改");
            row(found, 0, bold, "发现日期", "类型", "事项", "状态", "整改通知", "整改期限", "部门反馈");
            r = 1;
            for (ViolationView v : facts.violations()) {
                row(found, r++, null, v.detectedOn().toString(), v.typeLabel(), v.subject(), v.statusLabel(),
                        v.orderText(), v.dueOn() == null ? null : v.dueOn().toString(), v.answer());
            }

            Sheet projectSheet = workbook.createSheet("信息化项目");
            row(projectSheet, 0, bold, "项目编号", "项目名称", "审批部门", "预算（元）", "开始日期", "结束日期", "状态",
                    "审批前核查", "验收核查");
            r = 1;
            for (Project p : facts.projects()) {
                row(projectSheet, r++, null, p.code(), p.name(), p.approvalBody(), p.budget().doubleValue(),
                        p.startsOn().toString(), p.endsOn().toString(), p.statusLabel(), approval(p), acceptance(p));
            }
            for (Sheet sheet : List.of(overview, metrics, found, projectSheet)) {
                sheet.setColumnWidth(0, 20 * 256);
                sheet.setColumnWidth(1, 30 * 256);
                sheet.setColumnWidth(2, 40 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            Object value = values[i];
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String value(Scorecards.MetricDefinition metric, Double value) {
        if (value == null) {
            return "—";
        }
        return metric.kind() == cn.govdata.supervise.metric.Metric.Kind.RATIO
                ? String.format("%.0f%%", value * 100) : String.format("%.0f", value);
    }

    private static String approval(Project p) {
        if (p.approvalCheck() == null) {
            return "未核查";
        }
        return (p.approvalCheck().complete() ? "目录完整" : "缺" + p.approvalCheck().findings().size() + "项") + "（"
                + AcceptanceEvidencePdf.time(p.approvalCheck().checkedAt()) + "）";
    }

    private static String acceptance(Project p) {
        if (p.acceptance() == null) {
            return "未核查";
        }
        List<String> words = new ArrayList<>();
        words.add(p.acceptance().passed() ? "通过" : "未通过：" + p.acceptance().findings().size() + "项问题");
        words.add("（" + AcceptanceEvidencePdf.time(p.acceptance().checkedAt()) + "）");
        return String.join("", words);
    }
}

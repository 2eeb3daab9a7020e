package cn.govdata.supervise.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.org.Directory;
import cn.govdata.policy.ActivePolicy;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.supervise.SuperviseAccess;
import cn.govdata.supervise.SuperviseAuditAction;
import cn.govdata.supervise.metric.Metric;
import cn.govdata.supervise.metric.Scorecard;
import cn.govdata.supervise.metric.Scorecards;
import cn.govdata.supervise.violation.ViolationStatus;
import cn.govdata.supervise.violation.ViolationType;
import cn.govdata.supervise.violation.ViolationView;
import cn.govdata.supervise.violation.Violations;

/**
 * The authority's yearly supervision report on the departments (SUP-2, NX17 FZ26), as PDF: the summary, the
 * scores as a bar chart, the league table with the main metrics, the violations and what became of their
 * correction orders, and the definitions of the metrics.
 */
@Service
public class YearlyReport {

    private static final List<Metric> TABLE_METRICS = List.of(Metric.SHARED_SHARE, Metric.APPLICATIONS_ON_TIME,
            Metric.DELIVERIES_ON_TIME, Metric.OBLIGATIONS_ON_TIME, Metric.ACCEPTED_ROW_SHARE);

    private final Scorecards scorecards;
    private final Violations violations;
    private final Directory directory;
    private final ActivePolicy policy;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    YearlyReport(Scorecards scorecards, Violations violations, Directory directory, ActivePolicy policy,
            WorkingDayCalendar calendar, AuditLog audit) {
        this.scorecards = scorecards;
        this.violations = violations;
        this.directory = directory;
        this.policy = policy;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** The caller's region's report for a year: the authority's officers and the region's assessors only. */
    public byte[] pdf(Actor actor, int year) {
        SuperviseAccess.requireRegionReader(actor, actor.regionId());
        List<Scorecard> cards = scorecards.region(actor.regionId(), year);
        List<ViolationView> found = violations.inRegion(actor.regionId(), year);
        byte[] pdf;
        try {
            pdf = render(actor.regionId(), year, cards, found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEvent.success(SuperviseAuditAction.REPORT_DOWNLOAD, "region", actor.regionId(),
                year + ": " + cards.size() + " departments"));
        return pdf;
    }

    private byte[] render(long regionId, int year, List<Scorecard> cards, List<ViolationView> found)
            throws IOException {
        PolicyProfile profile = policy.profile();
        String region = directory.region(regionId).map(Directory.RegionInfo::name).orElse(profile.region().zh());
        String title = region + "政务数据资源管理年度监督评估报告（" + year + "年）";
        try (ReportPages pages = new ReportPages(title)) {
            pages.heading(title, 16);
            pages.paragraph("依据：" + profile.regulation().zh() + "。评分方法版本：" + (cards.isEmpty()
                    ? profile.supervision().methodVersion() : cards.get(0).methodVersion()) + "。生成日期："
                    + calendar.today() + "。" + (year == calendar.today().getYear() ? "本年度尚未结束，数据截至生成日期。"
                            : "本年度评分已固定。"), 10);

            pages.heading("一、总体情况", 13);
            double average = cards.stream().mapToDouble(Scorecard::score).average().orElse(0);
            long closed = found.stream().filter(v -> v.status() == ViolationStatus.CLOSED).count();
            long escalated = found.stream().filter(v -> v.status() == ViolationStatus.ESCALATED).count();
            long open = found.stream().filter(v -> v.status().open()).count();
            pages.paragraph("参评部门" + cards.size() + "个，平均得分" + String.format("%.1f", average) + "分。平台共发现违规"
                    + found.size() + "起：已整改" + closed + "起，已通报" + escalated + "起，尚在处理" + open + "起。", 10);
            Map<ViolationType, Integer> byType = new EnumMap<>(ViolationType.class);
            found.forEach(v -> byType.merge(v.type(), 1, Integer::sum));
            for (Map.Entry<ViolationType, Integer> type : byType.entrySet()) {
                pages.paragraph("· " + type.getKey().label() + "：" + type.getValue() + "起", 10);
            }

            if (!cards.isEmpty()) {
                pages.barChart("二、各部门得分", cards.stream().map(Scorecard::departmentName).toList(),
                        cards.stream().map(Scorecard::score).toList(), 100);
            }

            pages.heading("三、各部门评分排名", 13);
            float[] widths = { 30, 135, 40, 45, 45, 45, 45, 45, 45 };
            List<String> header = new ArrayList<>(List.of("名次", "部门", "得分", "等级"));
            TABLE_METRICS.forEach(m -> header.add(shortLabel(m)));
            pages.row(header, widths, 8, true);
            for (Scorecard card : cards) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(card.rank()), card.departmentName(),
                        String.format("%.1f", card.score()), card.gradeLabel()));
                TABLE_METRICS.forEach(m -> row.add(percent(card.metrics().get(m.key()))));
                pages.row(row, widths, 8, false);
            }
            pages.paragraph("", 6);
            pages.paragraph("百分比为对应比率；“—”表示本年度无可计量的记录，不计入得分。", 8);

            pages.heading("四、违规及整改情况", 13);
            if (found.isEmpty()) {
                pages.paragraph("本年度平台未发现违规。", 10);
            } else {
                float[] violationWidths = { 65, 120, 110, 100, 100 };
                pages.row(List.of("发现日期", "部门", "类型", "事项", "状态"), violationWidths, 8, true);
                for (ViolationView v : found) {
                    pages.row(List.of(v.detectedOn().toString(), v.departmentName(), v.typeLabel(), v.subject(),
                            v.statusLabel() + (v.dueOn() == null ? "" : "（整改期限" + v.dueOn() + "）")),
                            violationWidths, 8, false);
                }
            }

            pages.heading("五、指标说明", 13);
            for (Scorecards.MetricDefinition definition : scorecards.definitions()) {
                pages.paragraph(definition.label() + "：" + definition.definition()
                        + (definition.weight() == null ? "" : "权重" + definition.weight().intValue() + "。"), 9);
            }
            pages.paragraph("得分为各比率指标按权重的加权平均（满分100），每起违规扣" + profile.supervision().violationPenalty()
                    + "分，最低0分；" + profile.supervision().excellent() + "分及以上为优秀，" + profile.supervision().good()
                    + "分及以上为良好，" + profile.supervision().pass() + "分及以上为合格。", 9);
            return pages.toBytes();
        }
    }

    private static String shortLabel(Metric metric) {
        return switch (metric) {
            case SHARED_SHARE -> "可共享";
            case APPLICATIONS_ON_TIME -> "按时答复";
            case DELIVERIES_ON_TIME -> "按时归集";
            case OBLIGATIONS_ON_TIME -> "按时编目";
            case ACCEPTED_ROW_SHARE -> "合格率";
            default -> metric.label();
        };
    }

    private static String percent(Double ratio) {
        return ratio == null ? "—" : String.format("%.0f%%", ratio * 100);
    }
}

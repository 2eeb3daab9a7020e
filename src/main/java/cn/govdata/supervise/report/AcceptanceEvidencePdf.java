package cn.govdata.supervise.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.supervise.project.Project;
import cn.govdata.supervise.project.Project.AcceptanceEvidence;
import cn.govdata.supervise.project.Project.EntryFacts;
import cn.govdata.supervise.project.Project.Finding;
import cn.govdata.supervise.project.Projects;

/**
 * The acceptance evidence of an information project (CAT-10) as PDF, for the acceptance file (验收材料): the
 * project, each catalog entry with whether it is published and how its data stands in the lake, what was
 * missing, and when and by whom it was checked. The same facts as the JSON, never recomputed.
 */
@Component
class AcceptanceEvidencePdf {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Projects projects;

    AcceptanceEvidencePdf(Projects projects) {
        this.projects = projects;
    }

    byte[] pdf(Actor actor, long projectId) {
        Project project = projects.get(actor, projectId);
        AcceptanceEvidence evidence = projects.evidence(actor, projectId);
        String title = "信息化项目数据目录验收核查证明：" + evidence.projectName();
        try (ReportPages pages = new ReportPages(title)) {
            pages.heading("信息化项目数据目录验收核查证明", 16);
            pages.paragraph("项目名称：" + project.name() + "　项目编号：" + project.code(), 10);
            pages.paragraph("建设单位：" + project.departmentName() + "　审批部门：" + project.approvalBody(), 10);
            pages.paragraph("项目预算：" + project.budget().toPlainString() + "元　建设周期：" + project.startsOn() + "至"
                    + project.endsOn(), 10);
            pages.paragraph("核查时间：" + time(evidence.checkedAt()) + "　核查人：" + evidence.checkedBy(), 10);
            pages.paragraph("核查结论：" + (evidence.passed() ? "通过。项目数据资源目录均已在平台发布，项目产生的数据均已归集且按期更新。"
                    : "未通过，问题见下文。"), 11);

            pages.heading("一、数据资源目录及归集情况", 13);
            float[] widths = { 95, 110, 40, 55, 55, 70, 70 };
            pages.row(List.of("资源代码", "名称", "关系", "是否发布", "归集记录数", "最近归集", "是否按期"), widths, 8, true);
            for (EntryFacts entry : evidence.entries()) {
                boolean produced = entry.role() == Project.Role.PRODUCES;
                pages.row(List.of(entry.resourceCode(), entry.name() == null ? "—" : entry.name(),
                        produced ? "产出" : "使用", entry.published() ? "已发布" : "未发布",
                        entry.datasetId() == null ? "—" : String.valueOf(entry.records()),
                        time(entry.lastAggregatedAt()), !produced ? "—" : entry.current() ? "是" : "否"),
                        widths, 8, false);
            }

            pages.heading("二、发现的问题", 13);
            if (evidence.findings().isEmpty()) {
                pages.paragraph("无。", 10);
            }
            for (Finding finding : evidence.findings()) {
                pages.paragraph("· " + finding.text(), 10);
            }
            pages.paragraph("", 6);
            pages.paragraph("本证明由平台依据目录和数据湖的登记记录自动生成，数据截至核查时间。", 8);
            return pages.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(WorkingDayCalendar.ZONE).format(TIME);
    }
}

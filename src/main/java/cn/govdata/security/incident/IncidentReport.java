package cn.govdata.security.incident;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.govdata.security.incident.Incidents.Grade;
import cn.govdata.security.incident.Incidents.Incident;
import cn.govdata.security.incident.Incidents.Type;

/** The incident report (事件报告) as plain text in Chinese, for the authority's report to the government (SEC-5). */
final class IncidentReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private IncidentReport() {
    }

    static String label(Type type) {
        return switch (type) {
            case DATA_LEAK -> "数据泄露";
            case UNAUTHORIZED_ACCESS -> "越权访问";
            case ATTACK -> "网络攻击";
            case DATA_TAMPERING -> "数据篡改";
            case SYSTEM_FAILURE -> "系统故障";
            case OTHER -> "其他";
        };
    }

    static String label(Grade grade) {
        return switch (grade) {
            case ESPECIALLY_SERIOUS -> "特别重大（I级）";
            case SERIOUS -> "重大（II级）";
            case RELATIVELY_SERIOUS -> "较大（III级）";
            case GENERAL -> "一般（IV级）";
        };
    }

    static String text(Incident incident) {
        StringBuilder out = new StringBuilder();
        out.append("数据安全事件报告\n\n");
        out.append("事件编号：").append(incident.id()).append('\n');
        out.append("事件名称：").append(incident.title()).append('\n');
        out.append("事件类型：").append(label(incident.type())).append('\n');
        out.append("事件级别：").append(label(incident.grade())).append("（依据 GB/T 20986）\n");
        out.append("状态：").append(switch (incident.status()) {
            case DRAFT -> "待确认";
            case OPEN -> "处置中";
            case CLOSED -> "已结案";
        }).append('\n');
        out.append("登记时间：").append(TIME.format(incident.createdAt())).append('\n');
        if (incident.closedAt() != null) {
            out.append("结案时间：").append(TIME.format(incident.closedAt())).append('\n');
        }
        out.append("\n事件描述：\n").append(incident.description() == null ? "（无）" : incident.description()).append('\n');
        out.append("\n涉及数据资源：\n");
        if (incident.entries().isEmpty()) {
            out.append("（无）\n");
        }
        incident.entries().forEach(e -> out.append("- ").append(e.name() == null ? "#" + e.id() : e.name())
                .append(e.resourceCode() == null ? "" : "（" + e.resourceCode() + "）").append('\n'));
        out.append("\n涉及部门（已在平台通知）：\n");
        if (incident.departments().isEmpty()) {
            out.append("（无）\n");
        }
        incident.departments().forEach(d -> out.append("- ").append(d.name() == null ? "#" + d.id() : d.name())
                .append('\n'));
        out.append("\n处置过程：\n");
        incident.actions().forEach(a -> out.append("- ").append(TIME.format(a.at())).append(' ').append(a.actor())
                .append("：").append(a.action()).append('\n'));
        return out.toString();
    }
}

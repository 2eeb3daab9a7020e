package cn.govdata.supervise.metric;

/**
 * The metrics of a department's yearly evaluation (SUP-1: data volume, degree of sharing, application support,
 * timeliness, quality), each with the label and definition shown beside its number. Ratios are between 0 and 1;
 * a ratio without anything to measure (no application received, no delivery) has no value and does not count
 * in the score.
 */
public enum Metric {
    ENTRIES("entries", Kind.COUNT, "已编目资源数", "本部门截至年末已发布且未撤销的目录条目数（数据量）。"),
    RECORDS("records", Kind.COUNT, "归集数据量（条）", "本部门在数据湖中各数据集当前的记录数之和（数据量）。"),
    SHARED_SHARE("sharedShare", Kind.RATIO, "可共享目录占比",
            "已发布目录中无条件共享与有条件共享条目所占比例；没有已发布目录时为0（共享程度）。"),
    APPLICATIONS_ON_TIME("applicationsOnTime", Kind.RATIO, "共享申请按时答复率",
            "答复期限在本年度的共享申请中，在期限内作出决定的比例；已逾期仍未答复的计为未按时（应用支撑）。"),
    ACTIVE_GRANTS("activeGrants", Kind.COUNT, "有效共享授权数", "本部门作为提供方、本年度内任一时间有效的共享授权数（应用支撑）。"),
    RECORDS_SERVED("recordsServed", Kind.COUNT, "共享服务数据量（条）", "本年度依共享授权向其他部门提供的记录数（应用支撑）。"),
    DELIVERIES_ON_TIME("deliveriesOnTime", Kind.RATIO, "归集按时率",
            "本年度每次成功归集是否在上一次归集（或数据集建立）后一个更新周期内完成，按时次数所占比例（及时性）。"),
    OBLIGATIONS_ON_TIME("obligationsOnTime", Kind.RATIO, "目录按时更新率",
            "到期日在本年度的目录更新义务中按期完成的比例；已逾期仍未完成的计为未按时（及时性）。"),
    ACCEPTED_ROW_SHARE("acceptedRowShare", Kind.RATIO, "归集数据合格率",
            "本年度成功归集的批次中通过质量校验入库的行数占读取行数的比例（数据质量）。"),
    OPEN_DISCREPANCIES("openDiscrepancies", Kind.COUNT, "未核实的数据不一致", "涉及本部门、仍未核实的跨部门数据不一致数（数据质量）。"),
    VIOLATIONS("violations", Kind.COUNT, "违规次数", "本年度平台发现的本部门违规次数；每次按评分模型扣分。");

    public enum Kind { COUNT, RATIO }

    private final String key;
    private final Kind kind;
    private final String label;
    private final String definition;

    Metric(String key, Kind kind, String label, String definition) {
        this.key = key;
        this.kind = kind;
        this.label = label;
        this.definition = definition;
    }

    /** The name in the API and in the profile's weights, e.g. {@code applicationsOnTime}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }

    public static java.util.Optional<Metric> byKey(String key) {
        for (Metric metric : values()) {
            if (metric.key.equals(key)) {
                return java.util.Optional.of(metric);
            }
        }
        return java.util.Optional.empty();
    }
}

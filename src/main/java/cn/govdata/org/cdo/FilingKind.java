package cn.govdata.org.cdo;

/** What a filing to the data authority reports, with the label a clerk reads. */
public enum FilingKind {
    OFFICER_APPOINTED("首席数据官任命", "Chief data officer appointed"),
    OFFICER_ENDED("首席数据官离任", "Chief data officer's term ended"),
    MEMBER_APPOINTED("工作专班成员任命", "Working group member appointed"),
    MEMBER_ENDED("工作专班成员离任", "Working group member's term ended"),
    ROSTER_CHANGED("数据工作名单变更", "Data roster changed"),
    YEARLY_SUMMARY("首席数据官年度工作总结", "Chief data officer's yearly summary");

    private final String label;
    private final String englishLabel;

    FilingKind(String label, String englishLabel) {
        this.label = label;
        this.englishLabel = englishLabel;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }
}

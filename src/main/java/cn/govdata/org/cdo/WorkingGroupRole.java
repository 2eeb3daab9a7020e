package cn.govdata.org.cdo;

/** The roles of the chief data officer's working group (TJ-CDO), each with the label a clerk reads. */
public enum WorkingGroupRole {
    DATA_MANAGEMENT_SPECIALIST("数据管理专员", "Data management specialist"),
    SYSTEM_INTEGRATION_CONTACT("系统集成联络人", "System integration contact"),
    SECURITY_SPECIALIST("安全专员", "Security specialist"),
    QUALITY_SPECIALIST("质量专员", "Quality specialist");

    private final String label;
    private final String englishLabel;

    WorkingGroupRole(String label, String englishLabel) {
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

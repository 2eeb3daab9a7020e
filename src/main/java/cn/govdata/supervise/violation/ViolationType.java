package cn.govdata.supervise.violation;

/**
 * The violations the regulations list that the platform can see (SUP-3: YT31 NX23 AB44 TJ27 FZ28), each with
 * the label a clerk reads.
 */
public enum ViolationType {
    CATALOG_OBLIGATION_OVERDUE("目录未按时更新", "Catalog not updated in time"),
    AGGREGATION_OVERDUE("数据未按时归集", "Data not aggregated in time"),
    APPLICATION_UNANSWERED("共享申请逾期未答复", "Share application not answered in time"),
    OBJECTION_UNANSWERED("数据异议逾期未处理", "Data objection not handled in time"),
    REPEATED_COLLECTION_UNSETTLED("重复采集未整改", "Repeated collection not stopped"),
    DISCREPANCY_UNSETTLED("数据不一致逾期未核实", "Inconsistent data not settled in time"),
    /** A change of the chief data officer, working group or roster, or the yearly summary, not reported (ORG-2/3). */
    ORG_FILING_OVERDUE("人员变动或年度总结逾期未报送", "Staff change or yearly summary not reported in time");

    private final String zh;
    private final String en;

    ViolationType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() {
        return zh;
    }

    public String englishLabel() {
        return en;
    }
}

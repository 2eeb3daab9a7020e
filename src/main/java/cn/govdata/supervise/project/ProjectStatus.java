package cn.govdata.supervise.project;

/** Where an information project stands (CAT-10), with the label a clerk reads. */
public enum ProjectStatus {
    REGISTERED("已登记", "Registered"),
    CATALOG_INCOMPLETE("目录不完整", "Catalog incomplete"),
    CATALOG_COMPLETE("目录完整，可报审批", "Catalog complete, ready for approval"),
    ACCEPTANCE_FAILED("验收核查未通过", "Acceptance check failed"),
    ACCEPTED("验收核查通过", "Acceptance check passed");

    private final String zh;
    private final String en;

    ProjectStatus(String zh, String en) {
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

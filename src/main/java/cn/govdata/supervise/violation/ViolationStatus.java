package cn.govdata.supervise.violation;

/** Where a violation stands, from detection to closing or a notice. */
public enum ViolationStatus {
    /** Detected; no correction order yet. */
    DETECTED("已发现"),
    /** A correction order (整改通知) was issued; the department has until its due date. */
    ORDERED("整改中"),
    /** The department answered what it did; the authority re-checks. */
    ANSWERED("已反馈"),
    /** The re-check found the violation gone; closed by the authority. */
    CLOSED("已整改"),
    /** Unanswered or not corrected: escalated to a notice (通报). */
    ESCALATED("已通报"),
    /** Gone before any order was issued (the department corrected it by itself). */
    RESOLVED("已自行纠正");

    private final String label;

    ViolationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still needs the department's or the authority's action. */
    public boolean open() {
        return this == DETECTED || this == ORDERED || this == ANSWERED;
    }
}

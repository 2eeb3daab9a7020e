package cn.govdata.open.reuse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.govdata.shared.LocalizedText;

/**
 * An app or result built on open data (利用成果) as stored: what a public account holder published, the open
 * datasets it used with the day each was obtained, and the authority's moderation.
 *
 * @param rejectionReason why the authority did not let it show; cleared when it is approved
 */
record Reuse(long id, long accountId, long regionId, String name, String description, Kind kind, String link,
        Status status, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy,
        String rejectionReason, List<Used> datasets) {

    /** An open dataset used, and the day its data was obtained (获取日期 of the citation). */
    record Used(long datasetId, LocalDate obtainedOn) {
    }

    /** What was built. */
    enum Kind {
        APPLICATION("应用", "application"),
        WEBSITE("网站", "website"),
        ANALYSIS("分析报告", "analysis"),
        RESEARCH("研究成果", "research"),
        VISUALISATION("数据可视化", "visualisation"),
        OTHER("其他", "other");

        private final LocalizedText label;

        Kind(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }

        LocalizedText label() {
            return label;
        }
    }

    /** Where moderation stands: only an approved reuse shows on the portal. */
    enum Status {
        SUBMITTED("待审核", "awaiting moderation"),
        APPROVED("已发布", "published"),
        REJECTED("未通过", "rejected");

        private final LocalizedText label;

        Status(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }

        LocalizedText label() {
            return label;
        }
    }
}

package cn.govdata.catalog;

/**
 * The legal basis an entry cites for restricting sharing or opening (CAT-2, CAT-3): the kind of norm, its
 * title and the article.
 */
public record LegalBasis(Kind kind, String title, String article) {

    /** Law, administrative or local regulation, rule, or a central policy document. */
    public enum Kind { LAW, REGULATION, RULE, CENTRAL_POLICY }

    public boolean isComplete() {
        return kind != null && title != null && !title.isBlank() && article != null && !article.isBlank();
    }
}

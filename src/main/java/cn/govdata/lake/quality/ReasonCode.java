package cn.govdata.lake.quality;

/**
 * Every reason a record can fail a rule for, each a message {@code lake.reason.<NAME>} in the
 * {@code messages*.properties} files, so that a reason reads in the language of whoever opens the report.
 * Stored reports keep the message key, so a constant is never renamed (it may be added to).
 *
 * <p>The messages' arguments: {0} the value as a reason may quote it ({@link Masking}); for a rule with a
 * bound, a length or a name, {1} that; for a cross-item rule, {1} the other item ({@link Reason.Item}).
 * {@link #REQUIRED} quotes nothing, and {@link #DUPLICATE_KEY} only the row where the key first appeared
 * as {0}, never the key.
 */
enum ReasonCode {
    REQUIRED(RuleCode.REQUIRED),
    TYPE_INTEGER(RuleCode.TYPE),
    TYPE_NUMBER(RuleCode.TYPE),
    TYPE_FLOATING(RuleCode.TYPE),
    TYPE_DATE(RuleCode.TYPE),
    TYPE_DATETIME(RuleCode.TYPE),
    TYPE_LOGICAL(RuleCode.TYPE),
    /** {1} the item's length. */
    LENGTH_CHARACTERS(RuleCode.LENGTH),
    /** {1} the item's length. */
    LENGTH_DIGITS(RuleCode.LENGTH),
    ID_NUMBER_LEGACY(RuleCode.ID_NUMBER_LEGACY),
    ID_NUMBER_FORMAT(RuleCode.ID_NUMBER_FORMAT),
    ID_NUMBER_LOWER_CASE_X(RuleCode.ID_NUMBER_FORMAT),
    ID_NUMBER_CHECK_DIGIT(RuleCode.ID_NUMBER_CHECK_DIGIT),
    ID_NUMBER_BIRTH_DATE(RuleCode.ID_NUMBER_BIRTH_DATE),
    ID_NUMBER_REGION(RuleCode.ID_NUMBER_REGION),
    CREDIT_CODE_LENGTH(RuleCode.CREDIT_CODE),
    CREDIT_CODE_ALPHABET(RuleCode.CREDIT_CODE),
    CREDIT_CODE_CHECK_CHARACTER(RuleCode.CREDIT_CODE),
    DIVISION_CODE(RuleCode.DIVISION_CODE),
    MOBILE(RuleCode.MOBILE),
    EMAIL(RuleCode.EMAIL),
    /** {1} the code list's name. */
    CODE_LIST(RuleCode.CODE_LIST),
    /** A number too large even to compare with the bounds. */
    NUMBER_OUT_OF_RANGE(RuleCode.RANGE),
    /** {1} the lower bound. */
    NUMBER_BELOW(RuleCode.RANGE),
    /** {1} the upper bound. */
    NUMBER_ABOVE(RuleCode.RANGE),
    /** {1} the earliest date. */
    DATE_BEFORE(RuleCode.RANGE),
    /** {1} the latest date. */
    DATE_AFTER(RuleCode.RANGE),
    /** {1} what the pattern means, as the rule's author described it. */
    PATTERN(RuleCode.PATTERN),
    /** {1} the ID number item. */
    BIRTH_DATE_NOT_ID_NUMBER(RuleCode.CROSS_ITEM),
    /** {1} the ID number item. */
    SEX_CONTRADICTS_ID_NUMBER(RuleCode.CROSS_ITEM),
    /** {1} the item that must not be later. */
    BEFORE_ITEM(RuleCode.CROSS_ITEM),
    /** {0} the row where the same key first appeared. */
    DUPLICATE_KEY(RuleCode.DUPLICATE_KEY);

    /** The prefix of every reason's message key. */
    static final String PREFIX = "lake.reason.";

    private final RuleCode rule;

    ReasonCode(RuleCode rule) {
        this.rule = rule;
    }

    /** The rule the reason is a failure of; reports count failures by it. */
    RuleCode rule() {
        return rule;
    }

    String key() {
        return PREFIX + name();
    }
}

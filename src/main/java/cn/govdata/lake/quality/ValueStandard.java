package cn.govdata.lake.quality;

/**
 * A standard the values of a data item follow (the catalog's 数据元值域 / 代码标准), such as GB 11643 for
 * citizen ID numbers. Checks run on every value of every row, so {@link #accepts} must not allocate or
 * throw for a conforming value; {@link #refusal} runs only for the few values that fail and may take its
 * time to say why.
 */
interface ValueStandard {

    /** The standard's name as reports show it, e.g. {@code GB 11643}. */
    String name();

    /** Whether values identify a person, so that reasons mask them whatever the item's sensitivity. */
    boolean personal();

    /** Whether a value (stripped, not empty) conforms. */
    boolean accepts(String value);

    /** Why a value does not conform; called only after {@link #accepts} returned false for it. */
    Refusal refusal(String value);
}

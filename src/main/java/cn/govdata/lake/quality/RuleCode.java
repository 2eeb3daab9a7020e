package cn.govdata.lake.quality;

/**
 * Stable codes of the quality rules a record can fail. Quality reports, statistics and translated
 * messages key on these, so a code is never renamed.
 */
public enum RuleCode {
    /** A required item (or a record-key item) has no value. */
    REQUIRED,
    /** The value does not parse as the item's data type (integer, number, date, date-time, logical). */
    TYPE,
    /** Longer than the item's length: characters for text, digits for numbers. */
    LENGTH,
    /** Not 18 characters of 17 digits and a check digit or X (GB 11643). */
    ID_NUMBER_FORMAT,
    /** A 15-digit ID number of the form before 1999: recognised, but not accepted for new data. */
    ID_NUMBER_LEGACY,
    /** The ISO 7064 MOD 11-2 check digit does not match. */
    ID_NUMBER_CHECK_DIGIT,
    /** The birth date inside the ID number is not a real date between 1900 and today. */
    ID_NUMBER_BIRTH_DATE,
    /** The ID number's first six digits are no known division. */
    ID_NUMBER_REGION,
    /** Not a valid unified social credit code (GB 32100). */
    CREDIT_CODE,
    /** Not a known administrative division code (GB/T 2260). */
    DIVISION_CODE,
    /** Not a mainland mobile number. */
    MOBILE,
    /** Not an e-mail address. */
    EMAIL,
    /** Not one of the values of the item's code list. */
    CODE_LIST,
    /** Outside the allowed range. */
    RANGE,
    /** Does not match the pattern an extension rule requires. */
    PATTERN,
    /** Contradicts another item of the same record, e.g. a birth date that is not the ID number's. */
    CROSS_ITEM,
    /** An earlier record of the same batch has the same record key ({@link KeyTracker#duplicate}). */
    DUPLICATE_KEY
}

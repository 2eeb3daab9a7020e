package cn.govdata.lake.quality;

/**
 * One rule a record fails.
 *
 * @param item the data item (its identifier) the failure is about
 * @param rule the stable rule code
 * @param reason why, as a message to be read in the reader's language; any value it quotes is masked when
 *        the item holds personal data (see {@link Masking}), so reasons can be stored in quality reports and
 *        shown to the department without leaking the data
 */
public record QualityFailure(String item, RuleCode rule, Reason reason) {

    QualityFailure(String item, ReasonCode code, Object... args) {
        this(item, code.rule(), Reason.of(code, args));
    }
}

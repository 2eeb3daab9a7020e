package cn.govdata.lake.quality;

import java.util.List;

/**
 * Why a rule refuses a value, before the validator names the item and quotes the (masked) value.
 *
 * @param reason the message saying what is wrong
 * @param arguments what the message says besides the value and the items ({1} onwards, see
 *        {@link ReasonCode}): a bound, a length, a list's name; never the value itself
 */
record Refusal(ReasonCode reason, List<String> arguments) {

    Refusal {
        arguments = List.copyOf(arguments);
    }

    Refusal(ReasonCode reason, String... arguments) {
        this(reason, List.of(arguments));
    }

    RuleCode rule() {
        return reason.rule();
    }
}

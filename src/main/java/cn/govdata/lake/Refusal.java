package cn.govdata.lake;

/**
 * Why a rule refuses a value, before the validator names the item and quotes the (masked) value.
 *
 * @param rule the rule code
 * @param why what is wrong, without the value itself
 */
record Refusal(RuleCode rule, String why) {
}

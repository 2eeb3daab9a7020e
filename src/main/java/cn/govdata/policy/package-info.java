/**
 * Regional rules and time (all deadlines): the policy profile in force ({@link cn.govdata.policy.PolicyProfile},
 * given by {@link cn.govdata.policy.ActivePolicy}) and the working-day calendar
 * ({@link cn.govdata.policy.WorkingDayCalendar}) that computes every deadline in the product.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package cn.govdata.policy;

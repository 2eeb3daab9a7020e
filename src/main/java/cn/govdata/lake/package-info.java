/**
 * The data lake (归集, AGG-1 … AGG-8): departments' data aggregated into the lake, checked against the
 * catalog entry that describes it. This module owns the quality rules records must meet (the value
 * standards such as GB 11643 citizen ID numbers and GB 32100 credit codes, the rules derived from an
 * entry's data items and the extension rules a department or the authority adds), the validation of
 * records against them, the detection of duplicate record keys in a batch, and the streaming reading of
 * bulk files (CSV, XLSX, JSON Lines). No other module depends on its internals.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "org", "policy", "catalog" })
package cn.govdata.lake;

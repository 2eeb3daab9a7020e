package cn.govdata.share;

/** Who an application waits for: the providing department's approver, or the region's data authority. */
enum Stage { PROVIDER, AUTHORITY }

package cn.govdata.supervise.violation;

/** A detection run of a region finished (on schedule or on demand): the metrics count its violations. */
public record DetectionRan(long regionId) {
}

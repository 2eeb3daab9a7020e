package cn.govdata.supervise.metric;

import org.springframework.context.ApplicationContext;

/** For the supervision-metrics bench only: runs the metric updates, which are internal to the module, by hand. */
public final class MetricsBenchAccess {

    /** What a run did: FULL or INCREMENTAL, and how many departments' facts it read again. */
    public record Result(String kind, int departmentsRead) {
    }

    private final MetricFacts facts;

    public MetricsBenchAccess(ApplicationContext context) {
        this.facts = context.getBean(MetricFacts.class);
    }

    public Result recompute(long regionId, int year) {
        MetricFacts.Run run = facts.recompute(regionId, year);
        return new Result(run.kind(), run.departmentsRead());
    }

    public Result refresh(long regionId, int year) {
        MetricFacts.Run run = facts.refresh(regionId, year);
        return new Result(run.kind(), run.departmentsRead());
    }
}

package cn.govdata.share;

/**
 * How a grant lets shared data be used (共享方式, SHR-5, FZ11 FZ12). Interface access (接口访问) is not a way of
 * its own here: it is the channel through which a connected system uses any of these.
 */
public enum WayOfUse {
    /** 比对验证: does the platform hold this value for this subject (yes/no), no data leaves. */
    VERIFICATION,
    /** 检索查询: look up individual records by key. */
    QUERY,
    /** 数据交换: bulk delivery of the granted items. */
    EXCHANGE,
    /** 主动推送: changes pushed to the subscriber. */
    SUBSCRIPTION
}

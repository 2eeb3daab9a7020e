package cn.govdata.open.account;

import java.time.Duration;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/** A refusal for now: answered 429 with {@code Retry-After} (whole seconds, at least one). */
class TooManyRequests extends DomainException {

    private final long retryAfterSeconds;

    TooManyRequests(Duration wait) {
        this(Math.max(1, wait.plusMillis(999).toSeconds()));
    }

    private TooManyRequests(long seconds) {
        super(ProblemCode.PUBLIC_TOO_MANY_REQUESTS, Long.toString(seconds)); // digits, not "1,200"
        this.retryAfterSeconds = seconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

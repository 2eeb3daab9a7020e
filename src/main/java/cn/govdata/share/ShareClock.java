package cn.govdata.share;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants are stored in UTC; dates (periods, due dates, daily quotas) are Beijing dates from the calendar. */
final class ShareClock {

    private ShareClock() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

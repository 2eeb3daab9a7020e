package cn.govdata.share.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants are stored in UTC; dates (periods, due dates, daily quotas) are Beijing dates from the calendar. */
public final class ShareClock {

    private ShareClock() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

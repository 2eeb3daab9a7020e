package cn.govdata.share.common;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Statuses, actions and stages named in a problem message, in the caller's language ({@code share.*} messages). */
public final class ShareLabels {

    private ShareLabels() {
    }

    /** The label of {@code share.<key>}, e.g. {@code status.REVOKED}; the key itself where no message exists. */
    public static DefaultMessageSourceResolvable of(String key) {
        return new DefaultMessageSourceResolvable(new String[] { "share." + key }, key);
    }
}

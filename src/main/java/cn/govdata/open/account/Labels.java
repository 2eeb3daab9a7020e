package cn.govdata.open.account;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Names of channels, kinds, statuses and decisions as a problem message shows them, in the caller's language. */
public final class Labels {

    private Labels() {
    }

    /** The label under {@code public.<key>} in {@code messages*.properties}, the key itself if there is none. */
    public static MessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] { "public." + key }, key);
    }

    static MessageSourceResolvable channel(MessageChannel channel) {
        return label("channel." + channel.name());
    }
}

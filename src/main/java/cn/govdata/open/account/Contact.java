package cn.govdata.open.account;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.TextMasking;

/**
 * A mobile number or an e-mail address that a code can be sent to, in its one written form (the login of a
 * public account): a mainland mobile number as its 11 digits, an e-mail address in lower case. A value of this
 * type is always well formed.
 */
public record Contact(MessageChannel channel, String address) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    // deliberately plain: the code sent to it proves the address, the pattern only keeps out obvious mistakes
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+");

    public Contact {
        boolean valid = channel == MessageChannel.SMS ? address != null && MOBILE.matcher(address).matches()
                : address != null && address.length() <= 254 && EMAIL.matcher(address).matches();
        if (!valid) {
            throw new DomainException(ProblemCode.INVALID_CONTACT);
        }
    }

    /** A contact as typed: spaces, dashes and a +86 prefix of a mobile number dropped, an e-mail in lower case. */
    public static Contact of(MessageChannel channel, String typed) {
        if (channel == null || typed == null) {
            throw new DomainException(ProblemCode.INVALID_CONTACT);
        }
        return new Contact(channel, normalised(channel, typed));
    }

    /** The login a typed mobile number or e-mail address stands for. */
    static String login(String typed) {
        if (typed == null) {
            return "";
        }
        return normalised(typed.contains("@") ? MessageChannel.EMAIL : MessageChannel.SMS, typed);
    }

    private static String normalised(MessageChannel channel, String typed) {
        String value = typed.strip();
        if (channel == MessageChannel.EMAIL) {
            return value.toLowerCase(Locale.ROOT);
        }
        value = value.replace(" ", "").replace("-", "");
        return value.startsWith("+86") ? value.substring(3) : value;
    }

    /** The address as it may be shown back or logged: 138****5678, z***@example.com. */
    public String masked() {
        return TextMasking.masked(address);
    }
}

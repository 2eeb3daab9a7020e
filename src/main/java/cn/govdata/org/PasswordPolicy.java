package cn.govdata.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.SecuritySettings;

/** The password rules of MLPS level 3 (等保 2.0 三级: 口令复杂度): length, mixed character classes, no login name. */
final class PasswordPolicy {

    private final int minLength;
    private final int minClasses;

    PasswordPolicy(SecuritySettings settings) {
        this.minLength = settings.passwordMinLength();
        this.minClasses = settings.passwordMinClasses();
    }

    /** The rules the password breaks, empty when it is acceptable. */
    List<String> violations(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            problems.add("at least " + minLength + " characters");
        }
        if (password != null) {
            if (classes(password) < minClasses) {
                problems.add("at least " + minClasses + " of: lower case, upper case, digits, symbols");
            }
            if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
                problems.add("must not contain the login name");
            }
        }
        return problems;
    }

    /** Refuses a weak password, naming the first rule it breaks in the caller's language. */
    void check(String password, String username) {
        List<String> problems = violations(password, username);
        if (!problems.isEmpty()) {
            String rule = problems.getFirst().startsWith("at least " + minLength) ? "length"
                    : problems.getFirst().startsWith("at least") ? "classes" : "login";
            throw new DomainException(ProblemCode.WEAK_PASSWORD, new DefaultMessageSourceResolvable(
                    new String[] { "password.rule." + rule }, new Object[] { minLength, minClasses }, problems.getFirst()));
        }
    }

    private static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}

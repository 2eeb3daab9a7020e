package cn.govdata.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The platform's password rules (等保 2.0 三级: 口令复杂度): a minimum length, mixed character classes, and no login
 * name inside. One set of rules for officials' accounts ({@code org}) and the public's ({@code open}).
 */
public final class PasswordRules {

    private final int minLength;
    private final int minClasses;

    public PasswordRules(SecuritySettings settings) {
        this.minLength = settings.passwordMinLength();
        this.minClasses = settings.passwordMinClasses();
    }

    /** The rules the password breaks, empty when it is acceptable. */
    public List<String> violations(String password, String login) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            problems.add("at least " + minLength + " characters");
        }
        if (password != null) {
            if (classes(password) < minClasses) {
                problems.add("at least " + minClasses + " of: lower case, upper case, digits, symbols");
            }
            if (login != null && password.toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
                problems.add("must not contain the login name");
            }
        }
        return problems;
    }

    /** Refuses a weak password, naming the first rule it breaks in the caller's language. */
    public void check(String password, String login) {
        List<String> problems = violations(password, login);
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

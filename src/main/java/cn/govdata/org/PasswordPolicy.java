package cn.govdata.org;

import java.util.List;

import cn.govdata.shared.PasswordRules;
import cn.govdata.shared.SecuritySettings;

/**
 * The password rules as officials' accounts apply them: the platform's one set, {@link PasswordRules} (shared
 * with the public accounts of open data), with the login name as the name a password must not contain.
 */
final class PasswordPolicy {

    private final PasswordRules rules;

    PasswordPolicy(SecuritySettings settings) {
        this.rules = new PasswordRules(settings);
    }

    /** The rules the password breaks, empty when it is acceptable. */
    List<String> violations(String password, String username) {
        return rules.violations(password, username);
    }

    /** Refuses a weak password, naming the first rule it breaks in the caller's language. */
    void check(String password, String username) {
        rules.check(password, username);
    }
}

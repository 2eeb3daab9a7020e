package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.SecuritySettings;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new SecuritySettings(10, 3, 5, 90, 5, 30, 30, 12, 60, false));

    @Test
    void aLongPasswordMixingThreeClassesIsAccepted() {
        assertThat(policy.violations("Correct-horse7", "zhangsan")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefused() {
        assertThat(policy.violations("Ab1-", "zhangsan")).anyMatch(v -> v.contains("10 characters"));
    }

    @Test
    void aPasswordOfOneOrTwoClassesIsRefused() {
        assertThat(policy.violations("abcdefghijkl", "zhangsan")).anyMatch(v -> v.contains("at least 3"));
        assertThat(policy.violations("abcdef123456", "zhangsan")).anyMatch(v -> v.contains("at least 3"));
    }

    @Test
    void aPasswordContainingTheLoginIsRefused() {
        assertThat(policy.violations("ZhangSan-2026", "zhangsan")).anyMatch(v -> v.contains("login name"));
    }
}

package cn.govdata.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity and access settings, with MLPS (等保 2.0) level 3 defaults in {@code application.yml}.
 *
 * @param passwordMinLength minimum password length
 * @param passwordMinClasses how many of lower case, upper case, digits and symbols a password must mix
 * @param passwordHistory how many previous passwords may not be reused
 * @param passwordMaxAgeDays after this many days the password must be changed (0: never)
 * @param maxFailedLogins consecutive failures that lock an account
 * @param lockoutMinutes how long a locked account stays locked
 * @param idleTimeoutMinutes a session unused this long ends
 * @param tokenLifetimeHours a console session ends after this long in any case
 * @param systemTokenLifetimeMinutes lifetime of a connected system's access token
 * @param totpRequiredForAdministrators whether the three administrators must use a second factor
 */
@ConfigurationProperties("govdata.security")
public record SecuritySettings(int passwordMinLength, int passwordMinClasses, int passwordHistory,
        int passwordMaxAgeDays, int maxFailedLogins, int lockoutMinutes, int idleTimeoutMinutes, int tokenLifetimeHours,
        int systemTokenLifetimeMinutes, boolean totpRequiredForAdministrators) {
}

package cn.govdata.org;

/**
 * An account's sessions must end for good: it was disabled, or an administrator reset its password. Published
 * inside the change's transaction; the security module revokes the account's tokens there, so that re-enabling
 * the account later does not bring an old token back to life.
 */
public record UserSessionsEnded(long userId) {
}

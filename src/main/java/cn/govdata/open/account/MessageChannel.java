package cn.govdata.open.account;

/** How a verification code or a notice reaches a person. */
public enum MessageChannel { SMS, EMAIL }

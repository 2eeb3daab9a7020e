package cn.govdata.open.account;

/** A short message to one person: its subject (e-mail only) and its plain text. */
record OutgoingMessage(String subject, String text) {
}

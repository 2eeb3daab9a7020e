package cn.govdata.share.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sharing ({@code govdata.share.*}).
 *
 * @param attachmentMaxBytes the largest attachment an application takes (the multipart limit of the server
 *        is above it, so that the refusal names this limit)
 * @param maxAttachments attachments per application
 * @param defaultRateLimit requests per second of a grant when the approver sets none
 * @param defaultDailyQuota records per day of a grant when the approver sets none
 * @param dueSoonWorkingDays an application is "due soon", and its approver reminded, this many working days
 *        before its reply deadline; an open objection, and its handler, alike before the check's due date
 * @param reminderInterval how often the reminder job looks for applications and objections due soon or overdue
 *        and for expired grants
 */
@ConfigurationProperties("govdata.share")
public record ShareSettings(@DefaultValue("10485760") long attachmentMaxBytes, @DefaultValue("20") int maxAttachments,
        @DefaultValue("20") int defaultRateLimit, @DefaultValue("100000") long defaultDailyQuota,
        @DefaultValue("2") int dueSoonWorkingDays, @DefaultValue("PT1H") Duration reminderInterval) {
}

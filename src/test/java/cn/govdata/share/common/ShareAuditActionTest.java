package cn.govdata.share.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.govdata.audit.AuditAction;

/** The audit action names sharing stores: each once, dotted, under {@code share.}, as the log has always had them. */
class ShareAuditActionTest {

    @Test
    void everyActionHasItsOwnDottedNameUnderShare() {
        assertThat(Arrays.stream(ShareAuditAction.values()).map(AuditAction::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("share(\\.[a-z]+(-[a-z]+)*)+"), "share.<dotted lower-case name>");
        assertThat(ShareAuditAction.GRANT_ISSUE.code()).isEqualTo("share.grant.issue");
        assertThat(ShareAuditAction.SUBSCRIPTION_ROTATE_SECRET.code()).isEqualTo("share.subscription.rotate-secret");
        assertThat(ShareAuditAction.OBJECTION_EXTENSION_GRANT.code()).isEqualTo("share.objection.extension.grant");
    }
}

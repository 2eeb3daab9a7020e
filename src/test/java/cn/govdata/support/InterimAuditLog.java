package cn.govdata.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.audit.AuditReceipt;

/** TEMPORARY until the audit module lands: removed at that merge. */
@Component
class InterimAuditLog implements AuditLog {
    private final AtomicLong ids = new AtomicLong();

    @Override
    public AuditReceipt record(AuditEvent event) {
        return new AuditReceipt(ids.incrementAndGet(), "");
    }

    @Override
    public AuditReceipt record(AuditEvent event, AuditActor actor) {
        return new AuditReceipt(ids.incrementAndGet(), "");
    }
}

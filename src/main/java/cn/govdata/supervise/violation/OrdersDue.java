package cn.govdata.supervise.violation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * Correction orders (整改通知) waiting for the department's answer, for the deadline notices: to the department's
 * administrators, who answer them, and its chief data officer, who follows them (ORG-3).
 */
@Component
class OrdersDue implements PendingDeadlines {

    private final Violations violations;

    OrdersDue(Violations violations) {
        this.violations = violations;
    }

    @Override
    public List<Deadline> pending() {
        return violations.ordersAwaitingAnswer().stream()
                .map(v -> new Deadline("violation-order:" + v.id(), "整改通知（" + v.typeLabel() + "：" + v.subject()
                        + "）的整改反馈", "the answer to the correction order on " + v.type() + " (" + v.subject() + ")",
                        "/supervise/violations", v.dueOn(), v.departmentId(),
                        List.of(Addressee.role(v.departmentId(), Role.DEPARTMENT_ADMIN),
                                Addressee.chiefDataOfficerOf(v.departmentId()))))
                .toList();
    }
}

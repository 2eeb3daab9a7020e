package cn.govdata.open.demand;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/** Demand requests (开放需求) waiting for the department's answer, for the deadline notices: to its data providers. */
@Component
class DemandsDue implements PendingDeadlines {

    private final DemandRecords records;

    DemandsDue(DemandRecords records) {
        this.records = records;
    }

    @Override
    public List<Deadline> pending() {
        return records.awaitingReplyWithDeadline().stream()
                .map(d -> new Deadline("open-demand:" + d.id(), "开放需求（#" + d.id() + "，“" + d.subject() + "”）的答复",
                        "the answer to open-data demand #" + d.id() + " (\"" + d.subject() + "\")", "/open/demands",
                        d.replyDueOn(), d.departmentId(), List.of(Addressee.role(d.departmentId(), Role.DATA_PROVIDER))))
                .toList();
    }
}

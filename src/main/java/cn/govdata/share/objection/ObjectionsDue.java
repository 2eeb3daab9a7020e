package cn.govdata.share.objection;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DueItem;
import cn.govdata.shared.DueWork;
import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Addressee;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;

/**
 * For the providing department's workbench: open objections (疑义) on its data waiting for its check, with the
 * deadline, and the same deadlines for the deadline notices. Only the entry's name and dates are read, never the
 * objected values, so nothing personal is shown.
 */
@Component
class ObjectionsDue implements DueWork, PendingDeadlines {

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;

    ObjectionsDue(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    private record Open(long id, String entryName, LocalDate dueOn) {
    }

    private record OpenAnywhere(long id, String entryName, LocalDate dueOn, long providerDepartmentId) {
    }

    @Override
    public List<DueItem> dueFrom(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.hasAny(Role.DATA_PROVIDER, Role.SHARE_APPROVER)) {
            return List.of();
        }
        LocalDate today = calendar.today();
        return jdbc.sql("""
                select id, entry_name, due_on from share_objection
                 where provider_department_id = ? and status = 'OPEN' and stage = 'PROVIDER' order by due_on, id""")
                .param(actor.departmentId()).query(Open.class).list().stream()
                .map(o -> new DueItem("share.objection", o.entryName() + " #" + o.id(), "/share/objections/" + o.id(),
                        o.dueOn(), o.dueOn() == null ? null : calendar.workingDaysBetween(today, o.dueOn()),
                        o.dueOn() != null && o.dueOn().isBefore(today)))
                .toList();
    }

    /** Objections waiting for the providing department's check, to its data providers and share approvers. */
    @Override
    public List<Deadline> pending() {
        return jdbc.sql("""
                select id, entry_name, due_on, provider_department_id from share_objection
                 where status = 'OPEN' and stage = 'PROVIDER' and due_on is not null order by id""")
                .query(OpenAnywhere.class).list().stream()
                .map(o -> new Deadline("share-objection:" + o.id(),
                        "对“" + o.entryName() + "”数据的疑义（#" + o.id() + "）的核实",
                        "the check of objection #" + o.id() + " on \"" + o.entryName() + "\"",
                        "/share/objections/" + o.id(), o.dueOn(), o.providerDepartmentId(),
                        List.of(Addressee.role(o.providerDepartmentId(), Role.DATA_PROVIDER),
                                Addressee.role(o.providerDepartmentId(), Role.SHARE_APPROVER))))
                .toList();
    }
}

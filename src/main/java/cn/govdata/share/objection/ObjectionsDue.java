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

/**
 * For the providing department's workbench: open objections (疑义) on its data waiting for its check, with the
 * deadline. Only the entry's name and dates are read, never the objected values, so nothing personal is shown.
 */
@Component
class ObjectionsDue implements DueWork {

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;

    ObjectionsDue(JdbcClient jdbc, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    private record Open(long id, String entryName, LocalDate dueOn) {
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
}

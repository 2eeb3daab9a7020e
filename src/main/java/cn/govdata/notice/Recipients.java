package cn.govdata.notice;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.govdata.org.ChiefDataOfficers;
import cn.govdata.org.Directory;
import cn.govdata.shared.notify.Addressee;

/** Who a notice's addressees are today: users holding a role in a department, or an office. */
@Component
class Recipients {

    private final Directory directory;
    private final ChiefDataOfficers officers;

    Recipients(Directory directory, ChiefDataOfficers officers) {
        this.directory = directory;
        this.officers = officers;
    }

    /** The users, each once. */
    Set<Long> of(Collection<Addressee> addressees) {
        Set<Long> users = new LinkedHashSet<>();
        for (Addressee to : addressees) {
            switch (to.kind()) {
                case ROLE_IN_DEPARTMENT -> users.addAll(directory.usersWithRole(to.id(), to.role()));
                case DEPARTMENT_CHIEF_DATA_OFFICER -> officers.ofDepartment(to.id()).ifPresent(users::add);
                case REGION_CHIEF_DATA_OFFICER -> officers.ofRegion(to.id()).ifPresent(users::add);
                case USER -> users.add(to.id());
            }
        }
        return users;
    }
}

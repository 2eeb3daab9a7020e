package cn.govdata.org;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.govdata.org.Departments.Type;
import cn.govdata.shared.Actor;
import cn.govdata.shared.Role;

/**
 * Demo mode only ({@code govdata.demo=true}, set by {@code bin/demo}): a dozen departments of the
 * bootstrap region and one user per role with the demo password listed in the README, created through
 * the same services (and audit entries) as real ones. Runs once, on a database without departments
 * besides the authority.
 */
@Component
@ConditionalOnWebApplication // not for command-line verbs such as audit-verify
@Order(1)
@ConditionalOnBooleanProperty("govdata.demo")
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Demo-Pass-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoDepartment(String name, Type type) {
    }

    private static final List<DemoDepartment> DEPARTMENTS = List.of(
            new DemoDepartment("市公安局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市民政局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市人力资源和社会保障局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市自然资源和规划局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市市场监督管理局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市卫生健康委员会", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市教育局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市住房和城乡建设局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市生态环境局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市交通运输局", Type.ADMINISTRATIVE_ORGAN),
            new DemoDepartment("市住房公积金管理中心", Type.AUTHORISED_INSTITUTION),
            new DemoDepartment("市供水集团有限公司", Type.PUBLIC_SERVICE_ENTERPRISE));

    /** login → (department index, or -1 for the authority; role; display name) */
    private record DemoUser(String username, int department, Role role, String displayName) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("secadmin", -1, Role.SECURITY_ADMIN, "安全管理员"),
            new DemoUser("auditor", -1, Role.AUDIT_ADMIN, "审计管理员"),
            new DemoUser("reviewer", -1, Role.CATALOG_REVIEWER, "大数据局目录审核员"),
            new DemoUser("editor", 0, Role.CATALOG_EDITOR, "公安局目录编目员"),
            new DemoUser("provider", 0, Role.DATA_PROVIDER, "公安局数据提供者"),
            new DemoUser("approver", 0, Role.SHARE_APPROVER, "公安局共享审批人"),
            new DemoUser("deptadmin", 0, Role.DEPARTMENT_ADMIN, "公安局部门管理员"),
            new DemoUser("datauser", 1, Role.DATA_USER, "民政局数据使用者"));

    private final JdbcClient jdbc;
    private final Departments departments;
    private final UserAccounts users;
    private final Rosters rosters;

    private final ChiefDataOfficers officers;

    DemoData(JdbcClient jdbc, Departments departments, UserAccounts users, Rosters rosters,
            ChiefDataOfficers officers) {
        this.jdbc = jdbc;
        this.officers = officers;
        this.departments = departments;
        this.users = users;
        this.rosters = rosters;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from department where not authority").query(Integer.class).single() > 0) {
            return;
        }
        Actor admin = jdbc.sql("""
                select u.id, u.department_id, d.region_id from user_account u join department d on d.id = u.department_id
                where u.username = 'admin'""")
                .query((rs, n) -> new Actor(Actor.Kind.USER, rs.getLong(1), "admin", rs.getLong(2), rs.getLong(3), true,
                        Set.of(Role.SYSTEM_ADMIN)))
                .single();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, List.of()));
        try {
            seed(admin);
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo data loaded: {} departments and users {} (password {})", DEPARTMENTS.size(),
                USERS.stream().map(DemoUser::username).toList(), DEMO_PASSWORD);
    }

    private void seed(Actor admin) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            DemoDepartment d = DEPARTMENTS.get(i);
            String first17 = "11370600MB" + String.format("%07d", i + 1);
            String creditCode = first17 + CreditCode.checkCharacter(first17);
            ids.add(departments.create(admin, new Departments.NewDepartment(admin.regionId(), "烟台" + d.name(),
                    creditCode, d.type(), null, false)).id());
        }
        java.util.Map<String, Long> userIds = new java.util.HashMap<>();
        for (DemoUser u : USERS) {
            long department = u.department() < 0 ? admin.departmentId() : ids.get(u.department());
            UserAccounts.User user = users.create(admin, new UserAccounts.NewUser(u.username(), u.displayName(),
                    department, Set.of(u.role()), DEMO_PASSWORD));
            userIds.put(u.username(), user.id());
            // demo accounts skip the forced first change so that the README's passwords keep working
            jdbc.sql("update user_account set must_change_password = false where id = ?").param(user.id()).update();
        }
        Rosters.Person leader = new Rosters.Person("张明", "副局长", "0535-6200001", null);
        Rosters.Person manager = new Rosters.Person("李华", "科技信息科科长", "0535-6200002", "lihua@example.gov.cn");
        rosters.change(admin, ids.get(0),
                new Rosters.RosterContent(leader, manager, List.of(new Rosters.Person("王芳", "科员", "0535-6200003", null))),
                "首次报备");
        // chief data officers (ORG-3): the region's, and the police's; each is told in their inbox
        java.time.LocalDate appointed = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30);
        officers.appoint(admin, new ChiefDataOfficers.Appointment(null, userIds.get("reviewer"), appointed,
                "统筹全市数据资源管理和开发利用，组织推进数据共享开放", "0535-6200100"));
        officers.appoint(admin, new ChiefDataOfficers.Appointment(ids.get(0), userIds.get("deptadmin"), appointed,
                "统筹本部门数据目录编制、数据归集共享和安全管理", "0535-6200001"));
    }
}

package cn.govdata.org;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.shared.Role;

/**
 * First start on an empty database: the region of this deployment, its data authority, and the system
 * administrator {@code admin}, whose password is the operator's choice ({@code GOVDATA_ADMIN_PASSWORD}) or
 * a random one printed once to the log, which must be changed at first login.
 */
@Component
@ConditionalOnWebApplication // not for command-line verbs such as audit-verify
@Order(0)
class Bootstrap implements ApplicationRunner {

    /**
     * @param adminPassword the initial administrator password; random when empty
     * @param divisionCode the deployment's own region (GB/T 2260)
     * @param authorityName its data authority
     * @param authorityCreditCode the authority's credit code (correct it in the console if not given)
     */
    @ConfigurationProperties("govdata.bootstrap")
    record Settings(String adminPassword, String divisionCode, String authorityName, String authorityCreditCode) {
    }

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Settings settings;

    Bootstrap(JdbcClient jdbc, Divisions divisions, PasswordEncoder encoder, AuditLog audit,
            TransactionTemplate transactions, Settings settings) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.encoder = encoder;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from user_account").query(Integer.class).single() == 0;
        if (!empty) {
            return;
        }
        String password = settings.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = randomPassword();
        }
        String chosen = password;
        long adminId = transactions.execute(status -> createAuthorityAndAdmin(chosen, generated));
        audit.record(AuditEvent.success(OrgAuditAction.USER_CREATE, "user", adminId, "initial system administrator admin"),
                AuditActor.PLATFORM);
        if (generated) {
            // printed once, on purpose: the operator's only way to the first login
            log.warn("Created the system administrator 'admin' with the one-time password: {}  (change it at first login)",
                    password);
        } else {
            log.info("Created the system administrator 'admin' with the password from GOVDATA_ADMIN_PASSWORD");
        }
    }

    private long createAuthorityAndAdmin(String password, boolean mustChange) {
        Divisions.Division division = divisions.find(settings.divisionCode()).orElseThrow(
                () -> new IllegalStateException("govdata.bootstrap.division-code " + settings.divisionCode()
                        + " is not a known division code"));
        Long regionId = jdbc.sql("select id from region where division_code = ?").param(division.code())
                .query(Long.class).optional().orElse(null);
        if (regionId == null) {
            jdbc.sql("insert into region (division_code, name, level, created_at) values (?, ?, ?, ?)")
                    .params(division.code(), division.name(), division.level().name(), Regions.now()).update();
            regionId = jdbc.sql("select id from region where division_code = ?").param(division.code())
                    .query(Long.class).single();
        }
        Long authorityId = jdbc.sql("select min(id) from department where region_id = ? and authority")
                .param(regionId).query(Long.class).optional().orElse(null);
        if (authorityId == null) {
            String creditCode = CreditCode.of(settings.authorityCreditCode()).value();
            jdbc.sql("""
                    insert into department (region_id, name, credit_code, type, authority, created_at, updated_at)
                    values (?, ?, ?, 'ADMINISTRATIVE_ORGAN', true, ?, ?)""")
                    .params(regionId, settings.authorityName(), creditCode, Regions.now(), Regions.now()).update();
            authorityId = jdbc.sql("select id from department where credit_code = ?").param(creditCode)
                    .query(Long.class).single();
        }
        String hash = encoder.encode(password);
        jdbc.sql("""
                insert into user_account (username, display_name, department_id, password_hash, password_changed_at,
                    must_change_password, created_at)
                values ('admin', '系统管理员', ?, ?, ?, ?, ?)""")
                .params(authorityId, hash, Regions.now(), mustChange, Regions.now()).update();
        long adminId = jdbc.sql("select id from user_account where username = 'admin'").query(Long.class).single();
        jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(adminId, Role.SYSTEM_ADMIN.name()).update();
        jdbc.sql("insert into password_history (user_id, password_hash, created_at) values (?, ?, ?)")
                .params(adminId, hash, Regions.now()).update();
        return adminId;
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Gd-");
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append('9').toString();
    }

}

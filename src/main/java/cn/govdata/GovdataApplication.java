package cn.govdata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.govdata.audit.AuditVerification;
import cn.govdata.backup.BackupCommand;
import tools.jackson.databind.json.JsonMapper;

/**
 * The government data resource platform (政务数据资源平台): one deployable, modules by domain.
 *
 * <p>{@code java -jar govdata.jar} runs the platform; {@code java -jar govdata.jar audit-verify} checks the
 * audit log's chain and signatures without starting the web server, prints the result as JSON and exits
 * with 0 when the log is intact, 1 when it is not; {@code backup --to <dir>} and {@code restore --from <dir>} take
 * and restore a backup of the installation (see {@link BackupCommand}).
 */
// no in-memory user store: accounts live in the org module and sessions are bearer tokens
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class GovdataApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "audit-verify".equals(args[0])) {
            System.exit(verifyAuditLog(args));
        }
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(GovdataApplication.class, args);
    }

    static int verifyAuditLog(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GovdataApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "govdata.cli=true",
                        // a command-line run delivers no outstanding events: the running platform does
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run(java.util.Arrays.copyOfRange(args, 1, args.length))) {
            AuditVerification.Result result = context.getBean(AuditVerification.class).verify();
            System.out.println(context.getBean(JsonMapper.class).writeValueAsString(result));
            return result.intact() ? 0 : 1;
        }
    }
}

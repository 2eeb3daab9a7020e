package cn.govdata.backup;

import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The command line's {@code backup --to <dir>} and {@code restore --from <dir>}: reads the same settings as the
 * server (environment, {@code application.yml}, {@code --key=value} arguments), opens the database without
 * starting the platform (no migrations, no first-start set-up, no scheduled work) and runs the one verb.
 */
public final class BackupCommand {

    /** The command's own small context: the configured data source and the backup's parts, nothing else. */
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @Import({ Backups.class, BackupSettings.class })
    static class CommandContext {
    }

    private BackupCommand() {
    }

    /** Whether the command line asks for this command. */
    public static boolean handles(String[] args) {
        return args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]));
    }

    /** Runs the verb; prints what it did, or why it refused. Returns the process's exit code. */
    public static int run(String[] args) {
        String verb = args[0];
        String option = "backup".equals(verb) ? "--to" : "--from";
        Path folder = folder(args, option);
        if (folder == null) {
            System.err.println("usage: java -jar govdata.jar " + verb + " " + option + " <folder>");
            return 2;
        }
        String[] rest = Arrays.stream(args, 1, args.length).filter(a -> !a.equals(option) && !a.equals(folder.toString()))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "govdata.cli=true")
                .run(rest)) {
            Backups backups = context.getBean(Backups.class);
            Backups.Summary summary = "backup".equals(verb) ? backups.backup(folder) : backups.restore(folder);
            System.out.println(summary);
            return 0;
        } catch (BackupException e) {
            System.err.println(verb + " refused: " + e.getMessage());
            return 1;
        }
    }

    private static Path folder(String[] args, String option) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                return Path.of(args[i + 1]).toAbsolutePath().normalize();
            }
            if (args[i].startsWith(option + "=")) {
                return Path.of(args[i].substring(option.length() + 1)).toAbsolutePath().normalize();
            }
        }
        return null;
    }
}

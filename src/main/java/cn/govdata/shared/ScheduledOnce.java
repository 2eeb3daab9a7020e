package cn.govdata.shared;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Scheduled work that must run once per cluster, not once per node (reminders, sweeps, resubmitting outstanding
 * events), carries ShedLock's {@code @SchedulerLock}: the node that takes the job's row in {@code shedlock} runs
 * it, the others skip that run. Times come from the database, so the nodes' clocks need not agree. A job holds
 * its lock at least a few seconds (so that a quick run is not repeated by a node whose timer fires a moment
 * later) and at most its {@code lockAtMostFor} (so that a node killed mid-run does not block it for good).
 * Work kept per node (flushing this node's counters, its search index, its caches) carries no lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", defaultLockAtLeastFor = "PT5S")
class ScheduledOnce {

    @Bean
    LockProvider scheduledLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }
}

package cn.govdata.federation.harvest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.federation.harvest.SourceHttp.SourceFailure;
import cn.govdata.federation.harvest.Tally.Outcome;
import cn.govdata.federation.peer.FederationAuditAction;
import cn.govdata.shared.Actor;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs harvests: on demand, and every minute (once per cluster) for the enabled sources whose interval has passed.
 * Each source runs on its own (a thread each, its own timeouts, its own report): a source that fails or hangs never
 * holds back the others. A run claims its source in the database, so two nodes never harvest one source at once.
 * Each page of a source is kept in one transaction, and the cursor with it, so a run that fails midway keeps what it
 * read and the next run goes on from there. Every run is audited with its counts.
 */
@Component
class Harvester {

    private static final Logger log = LoggerFactory.getLogger(Harvester.class);

    private final HarvestSources sources;
    private final HarvestRuns runs;
    private final HarvestedDatasets datasets;
    private final CkanSourceReader ckan;
    private final DcatSourceReader dcat;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("federation-harvest-", 0).factory());

    Harvester(HarvestSources sources, HarvestRuns runs, HarvestedDatasets datasets, CkanSourceReader ckan,
            DcatSourceReader dcat, TransactionTemplate transactions, AuditLog audit) {
        this.sources = sources;
        this.runs = runs;
        this.datasets = datasets;
        this.ckan = ckan;
        this.dcat = dcat;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** A run asked for by the administrator; answers its report when it ends. */
    HarvestReport runNow(Actor actor, long sourceId) {
        sources.get(actor, sourceId);
        HarvestSources.Target source = sources.claim(sourceId)
                .orElseThrow(() -> new DomainException(ProblemCode.HARVEST_RUNNING, sourceId));
        return run(source, "MANUAL", new AuditActor(actor.name(), actor.departmentId(), null));
    }

    @Scheduled(initialDelayString = "${govdata.federation.harvest.check-interval:PT1M}",
            fixedDelayString = "${govdata.federation.harvest.check-interval:PT1M}")
    @SchedulerLock(name = "federation.harvest", lockAtMostFor = "PT30M")
    void harvestDue() {
        List<Future<?>> running = new ArrayList<>();
        for (long id : sources.due()) {
            running.add(threads.submit(() -> sources.claim(id)
                    .ifPresent(source -> run(source, "SCHEDULED", AuditActor.PLATFORM))));
        }
        for (Future<?> run : running) {
            try {
                run.get();
            } catch (ExecutionException e) {
                log.warn("A scheduled harvest failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HarvestReport run(HarvestSources.Target source, String trigger, AuditActor actor) {
        OffsetDateTime startedAt = HarvestSources.now();
        Tally tally = new Tally();
        String error = null;
        try {
            if (source.kind().speaksCkan()) {
                ckan.read(source, (page, cursor, seen) -> keep(source, page, tally, () ->
                        sources.advance(source.id(), cursor, seen)));
            } else {
                Set<String> listed = new HashSet<>();
                dcat.read(source, (page, cursor, seen) -> {
                    page.forEach(d -> listed.add(d.sourceId()));
                    keep(source, page, tally, () -> { });
                });
                // only a catalog read to its end tells what left it
                tally.withdrawn(datasets.withdrawAbsent(source.id(), listed));
            }
        } catch (SourceFailure e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            log.warn("The harvest of {} failed", source.name(), e);
            error = e.toString();
        } finally {
            sources.release(source.id());
        }
        HarvestReport report = runs.record(source.id(), trigger, startedAt, tally, error);
        String detail = source.kind() + " " + source.name() + " " + source.url() + ": created " + tally.created()
                + ", updated " + tally.updated() + ", unchanged " + tally.unchanged() + ", withdrawn "
                + tally.withdrawn() + ", failed " + tally.failed() + (error == null ? "" : "; " + error);
        audit.record(error == null ? AuditEvent.success(FederationAuditAction.HARVEST_RUN, "harvest-source",
                source.id(), detail) : AuditEvent.failure(FederationAuditAction.HARVEST_RUN, "harvest-source",
                        source.id(), detail), actor);
        return report;
    }

    /** Keeps a page of datasets and the cursor after it in one transaction. */
    private void keep(HarvestSources.Target source, List<HarvestedRecord> page, Tally tally, Runnable cursor) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (HarvestedRecord dataset : page) {
                Optional<String> problem = problem(dataset);
                if (problem.isPresent()) {
                    failures.add(problem.get());
                } else {
                    outcomes.add(datasets.keep(source, dataset));
                }
            }
            cursor.run();
        });
        outcomes.forEach(tally::count);
        failures.forEach(tally::failed);
    }

    /** Why a dataset cannot be kept, in the administrator's terms: which one, and what it lacks. */
    private static Optional<String> problem(HarvestedRecord dataset) {
        if (dataset.sourceId() == null || dataset.sourceId().isBlank()) {
            return Optional.of("a dataset without an id (title: " + dataset.title() + ")");
        }
        if (dataset.sourceId().length() > 200) {
            return Optional.of("dataset " + dataset.sourceId().substring(0, 50) + "…: its id is longer than 200");
        }
        if (!dataset.deleted() && (dataset.title() == null || dataset.title().isBlank())) {
            return Optional.of("dataset " + dataset.sourceId() + ": no title");
        }
        return Optional.empty();
    }

    @PreDestroy
    void close() {
        threads.shutdownNow();
    }
}

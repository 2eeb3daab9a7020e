package cn.govdata.open.demand;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.open.DatasetOpened;
import cn.govdata.open.release.OpenedDataset;
import cn.govdata.open.release.OpenedDatasets;

/**
 * When an entry's data is opened, the requests linked to it are fulfilled and their requesters told: at once when
 * the opening announces itself ({@link DatasetOpened}, after it has committed, in a transaction of its own, so that
 * telling can never undo an opening), and in any case by a sweep that looks up the entries requests wait for among
 * the datasets the public can see now.
 */
@Component
class DemandFulfilment {

    private static final Logger log = LoggerFactory.getLogger(DemandFulfilment.class);

    private final Demands demands;
    private final DemandRecords records;
    private final OpenedDatasets opened;

    DemandFulfilment(Demands demands, DemandRecords records, OpenedDatasets opened) {
        this.demands = demands;
        this.records = records;
        this.opened = opened;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DatasetOpened event) {
        fulfilled(event.entryId(), event.openedAt());
    }

    /** Fulfils the requests whose entry is open to the public now; how many. */
    @Scheduled(fixedDelayString = "${govdata.open.demand.fulfilment-interval:PT5M}", initialDelayString = "PT1M")
    public int sweep() {
        int told = 0;
        for (long entryId : records.entriesAwaitingOpening()) {
            told += opened.byEntry(entryId)
                    .filter(d -> d.active() && opened.live(d))
                    .map(d -> fulfilled(entryId, d.openedAt() == null ? Instant.now() : d.openedAt().toInstant()))
                    .orElse(0);
        }
        return told;
    }

    private int fulfilled(long entryId, Instant openedAt) {
        int told = demands.fulfil(entryId, openedAt);
        if (told > 0) {
            log.info("Entry {} opened: {} demand requests fulfilled", entryId, told);
        }
        return told;
    }
}

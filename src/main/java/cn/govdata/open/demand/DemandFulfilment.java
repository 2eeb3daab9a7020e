package cn.govdata.open.demand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.govdata.open.DatasetOpened;

/**
 * When an entry's data is opened, the requests linked to it are fulfilled and their requesters told — after the
 * opening has committed, in a transaction of its own, so that telling can never undo an opening.
 */
@Component
class DemandFulfilment {

    private static final Logger log = LoggerFactory.getLogger(DemandFulfilment.class);

    private final Demands demands;

    DemandFulfilment(Demands demands) {
        this.demands = demands;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DatasetOpened event) {
        int told = demands.fulfil(event.entryId(), event.openedAt());
        if (told > 0) {
            log.info("Entry {} opened: {} demand requests fulfilled", event.entryId(), told);
        }
    }
}

package cn.govdata.open.emergency;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.lake.UpdateCycleOverride;
import cn.govdata.open.release.OpenedDatasets;

/** Tells the lake the update cycle an entry's open dataset must keep while it is flagged as emergency data. */
@Component
class EmergencyCycles implements UpdateCycleOverride {

    private final OpenedDatasets datasets;
    private final Emergencies emergencies;

    EmergencyCycles(OpenedDatasets datasets, Emergencies emergencies) {
        this.datasets = datasets;
        this.emergencies = emergencies;
    }

    @Override
    public Optional<UpdateCycle> raisedCycle(long entryId) {
        return datasets.byEntry(entryId).flatMap(d -> emergencies.inForce(d.id())).map(Emergency::cycle);
    }
}

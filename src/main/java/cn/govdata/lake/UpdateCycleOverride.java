package cn.govdata.lake;

import java.util.Optional;

import cn.govdata.catalog.EntryContent.UpdateCycle;

/**
 * A shorter update cycle another module sets, for now, for an entry's dataset — open data flagged as emergency data
 * must be kept updated (OPN-7, AB32). The lake's on-time check follows it while it makes the next delivery due
 * sooner than the catalog's cycle (or an agreed period) would; once it is gone, the catalog's cycle applies again.
 * Implemented by the module that sets it, so that the lake knows none of them.
 */
public interface UpdateCycleOverride {

    /** The cycle the entry's dataset must follow today, if this module raised it. */
    Optional<UpdateCycle> raisedCycle(long entryId);
}

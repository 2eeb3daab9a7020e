package cn.govdata.open;

import java.time.Instant;

/**
 * The data of a published catalog entry became open to the public (published after an opening, or confirmed by the
 * authority where it confirms). Demand requests linked to the entry are then fulfilled and their requesters told.
 *
 * @param entryId the catalog entry whose dataset was opened
 * @param openedAt when it became open
 */
public record DatasetOpened(long entryId, Instant openedAt) {
}

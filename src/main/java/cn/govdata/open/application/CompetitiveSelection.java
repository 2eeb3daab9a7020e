package cn.govdata.open.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The result of the competitive selection (公开招标等竞争性方式) that decides who may develop data open by
 * authorisation commercially (FZ17), as the authority recorded it for one application.
 *
 * @param method how the selection was held, e.g. 公开招标
 * @param reference the announcement or decision document of the result
 */
record CompetitiveSelection(long applicationId, String method, Result result, LocalDate decidedOn, String reference,
        String recordedBy, OffsetDateTime recordedAt) {

    enum Result { WON, NOT_SELECTED }
}

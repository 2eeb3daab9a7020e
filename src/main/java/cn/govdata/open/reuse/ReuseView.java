package cn.govdata.open.reuse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.govdata.open.account.PublicAccountKind;
import cn.govdata.shared.LocalizedText;

/**
 * An app or result as its readers see it: on the portal, an approved one with the datasets it used (those still
 * open) and their citations; its holder and the authority see where moderation stands as well.
 *
 * @param publisherKind who published it: a citizen, a legal person or a research institution (null once the account
 *            was deleted)
 * @param publisher the publishing organisation's name; null for a citizen, whose name is personal and not shown
 * @param decidedBy who moderated: shown to the authority only
 */
record ReuseView(long id, String name, String description, Reuse.Kind kind, LocalizedText kindLabel, String link,
        List<Dataset> datasets, PublicAccountKind publisherKind, String publisher, Reuse.Status status,
        LocalizedText statusLabel, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy,
        String rejectionReason) {

    /** A dataset used: its CKAN id and name, its title, department, the day obtained and the citation to give. */
    record Dataset(String packageId, String name, String title, String departmentName, LocalDate obtainedOn,
            String citation) {
    }
}

package cn.govdata.open.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What an approved application lets its holder read (the rest of the module asks here): the access a public account
 * has to a dataset open on application on the day — within the approval's period, to the items it grants.
 */
@Component
public class OpenGrants {

    /**
     * Access given by an approved application.
     *
     * @param items the items granted, null for all the released ones
     */
    public record Grant(long applicationId, List<String> items) {
    }

    /** An approved application as the rest of the module knows a grant: whose, of which dataset and department. */
    public record Granted(long applicationId, long accountId, long datasetId, long departmentId, long regionId) {
    }

    private final OpenApplicationRecords records;
    private final OpenApplications applications;

    OpenGrants(OpenApplicationRecords records, OpenApplications applications) {
        this.records = records;
        this.applications = applications;
    }

    /** The approved application of the id, whether or not its access has ended; empty for any other. */
    public Optional<Granted> approved(long applicationId) {
        return records.find(applicationId)
                .filter(a -> a.status() == OpenApplication.Status.APPROVED && a.accountId() != null)
                .map(a -> new Granted(a.id(), a.accountId(), a.datasetId(), a.departmentId(), a.regionId()));
    }

    /** The account's grant for the dataset today: the newest approval still in its period. */
    public Optional<Grant> of(long accountId, long datasetId) {
        return records.ofAccount(accountId, datasetId).stream().filter(a -> a.grants(applications.today()))
                .findFirst().map(a -> new Grant(a.id(), a.grantedItems()));
    }
}

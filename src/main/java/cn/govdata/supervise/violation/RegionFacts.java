package cn.govdata.supervise.violation;

import java.time.LocalDate;
import java.util.List;

import cn.govdata.catalog.CatalogFacts;
import cn.govdata.lake.LakeFacts;
import cn.govdata.org.OrgFacts;
import cn.govdata.share.ShareFacts;

/** What the modules recorded for one region as of one day: the input of the violation rules. */
public record RegionFacts(long regionId, LocalDate today, List<CatalogFacts.Obligation> obligations,
        List<LakeFacts.DatasetFact> datasets, List<ShareFacts.ApplicationFact> applications,
        List<ShareFacts.ObjectionFact> objections, List<LakeFacts.RepeatedCollectionFact> repeatedCollections,
        List<LakeFacts.DiscrepancyFact> discrepancies, List<OrgFacts.UnreportedFiling> filings) {

    /** Without filings to the authority. */
    public RegionFacts(long regionId, LocalDate today, List<CatalogFacts.Obligation> obligations,
            List<LakeFacts.DatasetFact> datasets, List<ShareFacts.ApplicationFact> applications,
            List<ShareFacts.ObjectionFact> objections, List<LakeFacts.RepeatedCollectionFact> repeatedCollections,
            List<LakeFacts.DiscrepancyFact> discrepancies) {
        this(regionId, today, obligations, datasets, applications, objections, repeatedCollections, discrepancies,
                List.of());
    }

    public RegionFacts {
        obligations = List.copyOf(obligations);
        datasets = List.copyOf(datasets);
        applications = List.copyOf(applications);
        objections = List.copyOf(objections);
        repeatedCollections = List.copyOf(repeatedCollections);
        discrepancies = List.copyOf(discrepancies);
        filings = List.copyOf(filings);
    }
}

package cn.govdata.catalog;

/**
 * The entries of lower platforms' catalogs as this (upper) platform keeps them (SHR-10, the catalog cascade): each
 * is keyed by the platform it came from and its id there, never merged with another entry, found by the catalog's
 * search with its origin, and never editable here (the lower platform's department keeps it).
 */
public interface ForeignEntries {

    /**
     * Where an entry came from.
     *
     * @param key what identifies the lower platform here (the connected system it signs in as); entries of one key
     *        never meet those of another, even with the same resource code or department credit code
     * @param platform the lower platform's name, as its users see it
     * @param baseUrl the lower platform's address
     */
    record Origin(String key, String platform, String baseUrl) {
    }

    /**
     * An entry as published on the lower platform.
     *
     * @param regionId the region of this platform whose users see it
     * @param departmentName the lower platform's department that keeps the entry
     * @param regionCode the lower region's division code, or null
     */
    record ForeignEntry(Origin origin, long originEntryId, long regionId, String departmentName,
            String departmentCreditCode, String regionCode, String regionName, String resourceCode, int version,
            EntryContent content) {
    }

    /**
     * Stores the entry, or its newer version; an older or equal version than the one kept changes nothing.
     *
     * @return whether anything changed
     * @throws cn.govdata.shared.DomainException the entry lacks its name, classification or resource code
     */
    boolean put(ForeignEntry entry);

    /** Takes the entry out of this catalog (it was retired on its platform); returns whether it was in it. */
    boolean retire(Origin origin, long originEntryId);

    /** An entry kept here by its id here, while it is in this catalog (not retired on its platform). */
    java.util.Optional<ForeignEntry> find(long id);
}

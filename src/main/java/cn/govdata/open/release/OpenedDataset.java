package cn.govdata.open.release;

import java.time.OffsetDateTime;
import java.util.HexFormat;

import cn.govdata.catalog.EntryContent;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.shared.LocalizedText;

/**
 * A catalog entry's dataset as opening knows it: its public names, where it stands, the catalog version its
 * metadata follows, and when the public saw it change.
 *
 * @param publicState {@code active} while open, {@code deleted} once withdrawn after having been open, null
 *        while never open
 * @param created CKAN's {@code metadata_created}: when it was first opened
 * @param modified CKAN's {@code metadata_modified}: the stamp of the last change the public sees
 */
public record OpenedDataset(long id, long entryId, String packageId, String resourceId, String name, long regionId,
        long departmentId, String organization, String ownerOrg, State state, String publicState, OpenType openType,
        int catalogVersion, String resourceCode, EntryContent content, String hashKeyHex, Long reviewId,
        String openedBy, OffsetDateTime openedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
        String withdrawnBy, OffsetDateTime withdrawnAt, String withdrawalReason, OffsetDateTime created,
        OffsetDateTime modified) {

    /** Where an opening stands. */
    public enum State {
        AWAITING_CONFIRMATION("待大数据主管部门确认", "awaiting the data authority's confirmation"),
        OPEN("已开放", "open"),
        REJECTED("未获确认", "not confirmed"),
        WITHDRAWN("已撤回", "withdrawn");

        private final LocalizedText label;

        State(String zh, String en) {
            this.label = new LocalizedText(zh, en);
        }

        public LocalizedText label() {
            return label;
        }
    }

    public static final String ACTIVE = "active";
    public static final String DELETED = "deleted";

    public boolean active() {
        return ACTIVE.equals(publicState);
    }

    public byte[] hashKey() {
        return HexFormat.of().parseHex(hashKeyHex);
    }
}

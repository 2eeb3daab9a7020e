package cn.govdata.open.ckan;

import java.util.function.Supplier;

import cn.govdata.open.desensitise.DesensitisationGate;

/** The gate's refusals in CKAN's terms, for the action API and the dumps alike. */
public final class GateRefusals {

    private GateRefusals() {
    }

    public static <T> T translate(Supplier<T> read) {
        try {
            return read.get();
        } catch (DesensitisationGate.Refused refused) {
            throw error(refused);
        }
    }

    public static CkanError error(DesensitisationGate.Refused refused) {
        return switch (refused.reason()) {
            case NOT_RELEASED -> CkanError.forbidden("the dataset's records are not open to the public");
            case GRADE_WITHHELD -> CkanError.forbidden(refused.field());
            case NO_DATA -> CkanError.notFound("DataStore resource not found");
            case UNKNOWN_FIELD -> CkanError.validation("fields", "field \"" + refused.field() + "\" not in the released"
                    + " fields (it is not a data item, is withheld, or cannot be used here)");
            case FIELD_DESENSITISED -> CkanError.validation("filters", "field \"" + refused.field()
                    + "\" is desensitised: its stored values cannot be filtered on");
            case TEXT_SEARCH_TOO_LARGE -> CkanError.validation("q", "full-text search is available on datasets of up"
                    + " to " + refused.field() + " records; use filters");
        };
    }
}

package cn.govdata.share.objection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.govdata.share.AuthorizedUse;
import cn.govdata.share.ShareGrants;
import cn.govdata.share.WayOfUse;
import cn.govdata.share.common.SharePermissions;
import cn.govdata.share.objection.Objections.Event;
import cn.govdata.share.objection.Objections.EventType;
import cn.govdata.share.objection.Objections.Objection;
import cn.govdata.shared.Actor;
import cn.govdata.shared.LocalizedText;

/**
 * What an objection shows of the stored data — the value recorded when it was raised, the value a correction
 * wrote, and that value in the correction's event. The providing department, which checks and corrects the data,
 * sees its own values. Anyone else sees them only as its current grant lets the item leave by query, masked by that
 * grant ({@link AuthorizedUse}, the one gate), and no value at all under a grant for verification only (which never
 * reveals a stored value), a revoked or expired grant, or none (the authority's officers): then a plain statement
 * says why. Worked out anew at every answer, so a revocation hides the value at once.
 */
@Component
class ObjectionValues {

    /** Why no value is shown, in the caller's language. */
    static final LocalizedText WITHHELD = new LocalizedText(
            "不显示现有值：本部门当前的授权不允许检索查询该数据项（仅可比对验证，或授权已撤销、已到期）。",
            "Not shown: your department's current grant does not let it query this data item (verification only, "
                    + "or the grant was revoked or has expired).");

    private final ShareGrants grants;

    ObjectionValues(ShareGrants grants) {
        this.grants = grants;
    }

    /** The objection with its stored values as the caller may see them. */
    Objection shownTo(Actor actor, Objection objection) {
        if (SharePermissions.holdsData(actor, objection.parties())) {
            return objection;
        }
        Optional<AuthorizedUse> gate = grants.permitted(actor, objection.entryId(), WayOfUse.QUERY,
                Set.of(objection.item()));
        String item = objection.item();
        List<Event> events = objection.timeline() == null ? null : objection.timeline().stream()
                .map(event -> event.type() == EventType.CORRECTED && event.detail().get("value") instanceof String value
                        ? withValue(event, shown(gate, item, value)) : event)
                .toList();
        return objection.shown(shown(gate, item, objection.recordedValue()),
                gate.isPresent() ? null : WITHHELD.in(LocaleContextHolder.getLocale()),
                shown(gate, item, objection.correctedValue()), events);
    }

    private static String shown(Optional<AuthorizedUse> gate, String item, String value) {
        return value == null ? null : gate.map(use -> use.masked(item, value)).orElse(null);
    }

    /** A correction's event with its value as shown, or without one. */
    private static Event withValue(Event event, String shown) {
        Map<String, Object> detail = new LinkedHashMap<>(event.detail());
        detail.remove("value");
        if (shown != null) {
            detail.put("value", shown);
        }
        return new Event(event.id(), event.type(), event.at(), event.actor(), event.actorDepartmentId(), detail);
    }
}

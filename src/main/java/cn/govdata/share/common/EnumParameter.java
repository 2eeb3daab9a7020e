package cn.govdata.share.common;

import java.util.Locale;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.FieldName;
import cn.govdata.shared.ProblemCode;

/** A request parameter naming one constant of an enum (a side, a status), in any case. */
public final class EnumParameter {

    private EnumParameter() {
    }

    /** The constant named, or {@code INVALID_VALUE} for the field. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemCode.INVALID_VALUE, FieldName.of(field), value);
        }
    }
}

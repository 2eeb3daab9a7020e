package cn.govdata.shared;

import java.util.List;

/**
 * One broken rule in a request that breaks several (a catalog entry, a spreadsheet row): where, which rule,
 * and the arguments of its message. Reported together so that the caller can fix everything at once.
 *
 * @param location the field, e.g. {@code dataItems[2].length}, or a sheet and row of an upload
 * @param code the rule, with its message under {@code problem.<CODE>}
 * @param arguments the message's arguments; never stored data values
 */
public record Violation(String location, ProblemCode code, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    public static Violation of(String location, ProblemCode code, Object... arguments) {
        return new Violation(location, code, List.of(arguments));
    }
}

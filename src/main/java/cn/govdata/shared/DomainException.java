package cn.govdata.shared;

import java.util.Arrays;
import java.util.List;

/**
 * A refusal the platform explains to the caller: rendered as an RFC 9457 problem with the stable
 * {@link ProblemCode} and a message in the caller's language. The arguments fill the message's
 * placeholders; they must never carry secrets or stored data values.
 */
public class DomainException extends RuntimeException {

    private final ProblemCode code;
    private final transient Object[] arguments;
    private final transient List<Violation> violations;

    public DomainException(ProblemCode code, Object... arguments) {
        super(code.name() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.code = code;
        this.arguments = arguments.clone();
        this.violations = List.of();
    }

    /** A refusal listing every broken rule, each rendered with its own message under {@code errors}. */
    public DomainException(ProblemCode code, List<Violation> violations, Object... arguments) {
        super(code.name() + " " + violations);
        this.code = code;
        this.arguments = arguments.clone();
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public ProblemCode code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemCode.NOT_FOUND, what, id);
    }
}

package cn.govdata.shared;

import java.util.Arrays;

/**
 * A refusal the platform explains to the caller: rendered as an RFC 9457 problem with the stable
 * {@link ProblemCode} and a message in the caller's language. The arguments fill the message's
 * placeholders; they must never carry secrets or stored data values.
 */
public class DomainException extends RuntimeException {

    private final ProblemCode code;
    private final transient Object[] arguments;

    public DomainException(ProblemCode code, Object... arguments) {
        super(code.name() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.code = code;
        this.arguments = arguments.clone();
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

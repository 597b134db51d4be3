package io.uvac.sys;

import java.io.IOException;

/**
 * A system call failed. Carries the operation, its arguments as text, and the errno.
 *
 * <p>Message form: {@code mount src=tmpfs, dst=/tmp, flags=MS_NOSUID|MS_NODEV: Operation not permitted (EPERM)}.
 * Where the kernel explained itself (a netlink extended ack) the text follows as {@link #detail()}:
 * {@code RTM_NEWROUTE default via 10.9.9.9: Network is unreachable (ENETUNREACH): Nexthop has invalid gateway}.
 * Callers branch on the typed subclasses that {@link #of} returns, whatever module raised the error, or on
 * {@link #errno()}.
 */
public class ErrnoException extends IOException {
    private final String operation;
    private final String arguments;
    private final int errno;
    private final String detail;

    protected ErrnoException(String operation, String arguments, int errno) {
        this(operation, arguments, errno, "", "");
    }

    /** {@code suffix} is appended to the standard message, e.g. {@code " at step 9/9"}. */
    protected ErrnoException(String operation, String arguments, int errno, String suffix) {
        this(operation, arguments, errno, "", suffix);
    }

    protected ErrnoException(String operation, String arguments, int errno, String detail, String suffix) {
        super(format(operation, arguments, errno) + (detail.isEmpty() ? "" : ": " + detail) + suffix);
        this.operation = operation;
        this.arguments = arguments;
        this.errno = errno;
        this.detail = detail;
    }

    /** The right subclass for {@code errno}; {@code arguments} may be empty. */
    public static ErrnoException of(String operation, String arguments, int errno) {
        return of(operation, arguments, errno, "");
    }

    /** The same, with the kernel's own explanation ({@code detail}, may be empty). */
    public static ErrnoException of(String operation, String arguments, int errno, String detail) {
        return switch (errno) {
            case Errno.EPERM, Errno.EACCES -> new NotPermitted(operation, arguments, errno, detail);
            case Errno.EEXIST, Errno.EADDRINUSE -> new AlreadyExists(operation, arguments, errno, detail);
            case Errno.ENOENT, Errno.ESRCH, Errno.ENODEV -> new NotFound(operation, arguments, errno, detail);
            case Errno.ENOSYS, Errno.EOPNOTSUPP -> new NotSupported(operation, arguments, errno, detail);
            default -> new ErrnoException(operation, arguments, errno, detail, "");
        };
    }

    public static ErrnoException of(String operation, int errno) {
        return of(operation, "", errno);
    }

    private static String format(String operation, String arguments, int errno) {
        return operation + (arguments.isEmpty() ? "" : " " + arguments) + ": " + Errno.describe(errno);
    }

    public String operation() { return operation; }
    public String arguments() { return arguments; }
    public int errno() { return errno; }
    public String errnoName() { return Errno.name(errno); }

    /** What the kernel said beyond the errno (netlink's extended-ack text); empty when it said nothing. */
    public String detail() { return detail; }

    /** EPERM or EACCES: usually a missing capability or a read-only or protected target. */
    public static final class NotPermitted extends ErrnoException {
        NotPermitted(String op, String args, int errno, String detail) { super(op, args, errno, detail, ""); }
    }

    /** EEXIST or EADDRINUSE. */
    public static final class AlreadyExists extends ErrnoException {
        AlreadyExists(String op, String args, int errno, String detail) { super(op, args, errno, detail, ""); }
    }

    /** ENOENT, ESRCH or ENODEV. */
    public static final class NotFound extends ErrnoException {
        NotFound(String op, String args, int errno, String detail) { super(op, args, errno, detail, ""); }
    }

    /** ENOSYS or EOPNOTSUPP: the kernel or this filesystem lacks the feature. */
    public static final class NotSupported extends ErrnoException {
        NotSupported(String op, String args, int errno, String detail) { super(op, args, errno, detail, ""); }
    }
}

package io.uvac.netlink;

import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import java.util.OptionalInt;

/**
 * The kernel refused a netlink request. Keeps the errno and the kernel's extended-ack text
 * ({@code NLMSGERR_ATTR_MSG}), which often says more than the errno:
 * {@code RTM_NEWROUTE default via 10.9.9.9: Network is unreachable (ENETUNREACH): Nexthop has invalid gateway}.
 *
 * <p>Callers branch on the typed subclasses {@link #of} returns, as with {@link ErrnoException#of}:
 *
 * <pre>
 * try {
 *     rt.linkDel("uvac7");
 * } catch (NetlinkException.NotFound gone) {
 *     // already deleted: the netns died and took the veth with it
 * }
 * </pre>
 */
public class NetlinkException extends ErrnoException {
    private static final long serialVersionUID = 1L;
    private static final int EBADMSG = 74;

    private final String kernelMessage;
    private final int attributeOffset;

    private NetlinkException(String operation, String arguments, int errno, String kernelMessage,
                             int attributeOffset, String suffix) {
        super(operation, arguments, errno, suffix);
        this.kernelMessage = kernelMessage;
        this.attributeOffset = attributeOffset;
    }

    NetlinkException(String operation, String arguments, int errno, String kernelMessage, int attributeOffset) {
        this(operation, arguments, errno, kernelMessage, attributeOffset, kernelMessage.isEmpty() ? "" : ": " + kernelMessage);
    }

    /**
     * The right subclass for {@code errno}. {@code operation} is the request type ({@code RTM_NEWLINK}),
     * {@code arguments} what it was about ({@code veth uvac1 peer eth0}), {@code kernelMessage} the extended-ack
     * text or "", {@code attributeOffset} the extended ack's offset of the offending attribute or -1.
     */
    public static NetlinkException of(String operation, String arguments, int errno, String kernelMessage,
                                      int attributeOffset) {
        return switch (errno) {
            case Errno.EPERM, Errno.EACCES -> new NotPermitted(operation, arguments, errno, kernelMessage, attributeOffset);
            case Errno.EEXIST, Errno.EADDRINUSE -> new AlreadyExists(operation, arguments, errno, kernelMessage, attributeOffset);
            case Errno.ENOENT, Errno.ESRCH, Errno.ENODEV -> new NotFound(operation, arguments, errno, kernelMessage, attributeOffset);
            case Errno.ENOSYS, Errno.EOPNOTSUPP -> new NotSupported(operation, arguments, errno, kernelMessage, attributeOffset);
            default -> new NetlinkException(operation, arguments, errno, kernelMessage, attributeOffset);
        };
    }

    /** A reply that breaks netlink's framing: EBADMSG, with what was wrong. */
    public static NetlinkException malformed(String operation, String arguments, String detail) {
        return new NetlinkException(operation, arguments, EBADMSG, "", -1, ": malformed reply: " + detail);
    }

    /** The kernel's extended-ack text ({@code NLMSGERR_ATTR_MSG}); empty when it sent none. */
    public String kernelMessage() {
        return kernelMessage;
    }

    /**
     * Where in the request the kernel found the offending attribute ({@code NLMSGERR_ATTR_OFFS}, a byte offset
     * from the start of the request's header), when it said.
     */
    public OptionalInt attributeOffset() {
        return attributeOffset < 0 ? OptionalInt.empty() : OptionalInt.of(attributeOffset);
    }

    /** EPERM or EACCES: the socket's network namespace is not ours to administer (CAP_NET_ADMIN). */
    public static final class NotPermitted extends NetlinkException {
        private static final long serialVersionUID = 1L;

        NotPermitted(String op, String args, int errno, String text, int offset) { super(op, args, errno, text, offset); }
    }

    /** EEXIST or EADDRINUSE: a link of that name, the address or the route exists already. */
    public static final class AlreadyExists extends NetlinkException {
        private static final long serialVersionUID = 1L;

        AlreadyExists(String op, String args, int errno, String text, int offset) { super(op, args, errno, text, offset); }
    }

    /** ENODEV, ENOENT or ESRCH: no such link, address or route. */
    public static final class NotFound extends NetlinkException {
        private static final long serialVersionUID = 1L;

        NotFound(String op, String args, int errno, String text, int offset) { super(op, args, errno, text, offset); }
    }

    /** EOPNOTSUPP or ENOSYS: e.g. a link kind whose module the kernel lacks. */
    public static final class NotSupported extends NetlinkException {
        private static final long serialVersionUID = 1L;

        NotSupported(String op, String args, int errno, String text, int offset) { super(op, args, errno, text, offset); }
    }
}

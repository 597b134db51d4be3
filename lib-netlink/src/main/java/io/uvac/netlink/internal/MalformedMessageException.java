package io.uvac.netlink.internal;

/**
 * A reply broke netlink's framing: a length field points outside the bytes received, or a value is shorter than
 * its type. The readers throw it instead of reading past a boundary; the socket turns it into an EBADMSG
 * {@link io.uvac.netlink.NetlinkException} that names the request.
 */
public final class MalformedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}

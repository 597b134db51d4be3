package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_netlink_h.NLMSG_ALIGN;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_HDRLEN;

import io.uvac.sys.raw.nlmsghdr;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A cursor over the netlink messages packed in a received datagram, like {@code NLMSG_OK}/{@code NLMSG_NEXT} but
 * bounds-checked: a header whose {@code nlmsg_len} is shorter than a header or runs past the bytes received is
 * a {@link MalformedMessageException}, never a read outside them.
 *
 * <pre>
 * NlMessages m = new NlMessages().reset(buffer, received);
 * while (m.next()) {
 *     if (m.type() == RTM_NEWLINK) ... m.payload() ... m.end() ...
 * }
 * </pre>
 *
 * The cursor is reusable: one per socket, reset for every datagram.
 */
public final class NlMessages {
    private MemorySegment buf = MemorySegment.NULL;
    private long limit;
    private long offset;
    private long next;
    private int length;

    /** Walks {@code [0, limit)} of {@code buf}. */
    public NlMessages reset(MemorySegment buf, long limit) {
        if (limit < 0 || limit > buf.byteSize())
            throw new IllegalArgumentException("limit " + limit + " outside a " + buf.byteSize() + "-byte buffer");
        this.buf = buf;
        this.limit = limit;
        this.offset = -1;
        this.next = 0;
        this.length = 0;
        return this;
    }

    /** Moves to the next message; false when the datagram is used up. */
    public boolean next() {
        long remaining = limit - next;
        if (remaining == 0) return false;
        if (remaining < NLMSG_HDRLEN)
            throw new MalformedMessageException(remaining + " trailing bytes at offset " + next + ", too few for a message header");
        int len = buf.get(ValueLayout.JAVA_INT, next + nlmsghdr.nlmsg_len$offset());
        if (len < NLMSG_HDRLEN || len > remaining)
            throw new MalformedMessageException("message at offset " + next + " claims " + Integer.toUnsignedString(len)
                    + " bytes, " + remaining + " remain");
        offset = next;
        length = len;
        // The last message of a datagram may end without its alignment padding.
        next = Math.min(limit, offset + NLMSG_ALIGN(len));
        return true;
    }

    public MemorySegment buffer() { return buf; }

    /** Offset of the current message's header in {@link #buffer()}. */
    public long offset() { return offset; }

    /** {@code nlmsg_len}: header and payload. */
    public int length() { return length; }

    public int type() { return Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, offset + nlmsghdr.nlmsg_type$offset())); }

    public int flags() { return Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, offset + nlmsghdr.nlmsg_flags$offset())); }

    public int seq() { return buf.get(ValueLayout.JAVA_INT, offset + nlmsghdr.nlmsg_seq$offset()); }

    /** {@code nlmsg_pid}: the port id of the socket the message is addressed to (replies) or came from (requests). */
    public int portId() { return buf.get(ValueLayout.JAVA_INT, offset + nlmsghdr.nlmsg_pid$offset()); }

    /** Offset of the payload in {@link #buffer()}. */
    public long payload() { return offset + NLMSG_HDRLEN; }

    public int payloadLength() { return length - NLMSG_HDRLEN; }

    /** Offset just past the current message's payload. */
    public long end() { return offset + length; }

    /** Fails unless the payload holds at least a fixed header of {@code size} bytes. */
    public void requirePayload(long size, String what) {
        if (payloadLength() < size)
            throw new MalformedMessageException("message type " + type() + " at offset " + offset + " has "
                    + payloadLength() + " payload bytes, too few for " + what + " (" + size + ")");
    }
}

package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_netlink_h.NLA_ALIGN;
import static io.uvac.sys.raw.linux_netlink_h.NLA_HDRLEN;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_ALIGN;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_HDRLEN;

import io.uvac.sys.raw.nlmsghdr;
import io.uvac.sys.raw.rtattr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;

/**
 * Builds one netlink message at a time in a reusable native buffer. Lengths and padding are computed here,
 * never counted by hand: {@link #nest} returns a scope whose {@code close()} writes the nest's {@code rta_len},
 * and {@link #message()} writes {@code nlmsg_len}.
 *
 * <pre>
 * w.begin(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, seq);
 * w.struct(ifinfomsg.sizeof());
 * w.string(IFLA_IFNAME, "uvac1");
 * try (var linkinfo = w.nest(IFLA_LINKINFO)) {
 *     w.string(IFLA_INFO_KIND, "veth");
 * }
 * MemorySegment bytes = w.message();
 * </pre>
 *
 * <p>Every byte of a message is written, padding included, so a reused buffer never leaks an earlier
 * message's bytes. Not thread-safe: one writer per socket, used under the socket's lock.
 */
public final class NlWriter {
    private static final int MAX_ATTRIBUTE_LENGTH = 0xFFFF; // rta_len is an unsigned short
    private static final int MAX_DEPTH = 16;

    private MemorySegment buf;
    private int pos;
    private final int[] nests = new int[MAX_DEPTH];
    private int depth;
    private boolean open;

    /** A writer whose buffer starts at {@code capacity} bytes and doubles when a message needs more. */
    public NlWriter(int capacity) {
        if (capacity < NLMSG_HDRLEN) throw new IllegalArgumentException("capacity " + capacity + " < NLMSG_HDRLEN");
        // An automatic arena: a socket's buffers live as long as the socket object, and closing a shared
        // arena would cost a handshake with every thread.
        buf = Arena.ofAuto().allocate(capacity, 8);
    }

    /** Starts a new message, discarding the previous one. {@code type} and {@code flags} are unsigned 16-bit. */
    public NlWriter begin(int type, int flags, int seq) {
        pos = 0;
        depth = 0;
        open = true;
        zero(NLMSG_HDRLEN);
        buf.set(ValueLayout.JAVA_SHORT, nlmsghdr.nlmsg_type$offset(), u16(type, "nlmsg_type"));
        buf.set(ValueLayout.JAVA_SHORT, nlmsghdr.nlmsg_flags$offset(), u16(flags, "nlmsg_flags"));
        buf.set(ValueLayout.JAVA_INT, nlmsghdr.nlmsg_seq$offset(), seq);
        pos = NLMSG_HDRLEN;
        return this;
    }

    /**
     * Appends a zeroed fixed-size header ({@code struct ifinfomsg}, {@code rtmsg}, ...) plus its alignment padding
     * and returns its offset in the message, for {@link #putByte}, {@link #putInt} and friends.
     */
    public int struct(long size) {
        requireOpen();
        int at = pos;
        zero(NLMSG_ALIGN((int) size));
        return at;
    }

    public NlWriter putByte(int offset, int value) {
        checkField(offset, 1);
        buf.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
        return this;
    }

    public NlWriter putShort(int offset, int value) {
        checkField(offset, 2);
        buf.set(ValueLayout.JAVA_SHORT, offset, (short) value);
        return this;
    }

    public NlWriter putInt(int offset, int value) {
        checkField(offset, 4);
        buf.set(ValueLayout.JAVA_INT, offset, value);
        return this;
    }

    /** An attribute with a one-byte payload. */
    public NlWriter u8(int type, int value) {
        int payload = attribute(type, 1);
        buf.set(ValueLayout.JAVA_BYTE, payload, (byte) value);
        return this;
    }

    /** An attribute with a host-order 16-bit payload. */
    public NlWriter u16(int type, int value) {
        int payload = attribute(type, 2);
        buf.set(ValueLayout.JAVA_SHORT, payload, (short) value);
        return this;
    }

    /** An attribute with a host-order 32-bit payload. */
    public NlWriter u32(int type, int value) {
        int payload = attribute(type, 4);
        buf.set(ValueLayout.JAVA_INT, payload, value);
        return this;
    }

    /** An attribute holding {@code value} as UTF-8 with a terminating NUL, as the kernel's NLA_NUL_STRING wants. */
    public NlWriter string(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes)
            if (b == 0) throw new IllegalArgumentException("string attribute " + type + " contains a NUL: " + value);
        int payload = attribute(type, bytes.length + 1);
        MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, payload, bytes.length);
        buf.set(ValueLayout.JAVA_BYTE, payload + bytes.length, (byte) 0);
        return this;
    }

    /** An attribute with {@code value} as its payload. */
    public NlWriter bytes(int type, byte[] value) {
        int payload = attribute(type, value.length);
        MemorySegment.copy(value, 0, buf, ValueLayout.JAVA_BYTE, payload, value.length);
        return this;
    }

    /** An attribute holding an IPv4 address in network byte order. */
    public NlWriter inet4(int type, Inet4Address address) {
        return bytes(type, address.getAddress());
    }

    /** An attribute without payload: a flag. */
    public NlWriter flag(int type) {
        attribute(type, 0);
        return this;
    }

    /**
     * Opens a nested attribute; attributes and structs written until the returned scope is closed are its
     * payload. Close scopes innermost first, which try-with-resources does.
     */
    public Nest nest(int type) {
        if (depth == MAX_DEPTH) throw new IllegalStateException("attributes nested deeper than " + MAX_DEPTH);
        int start = attribute(type, 0) - NLA_HDRLEN;
        nests[depth++] = start;
        return new Nest(start);
    }

    /** An open nested attribute; {@link #close()} fixes its {@code rta_len} to cover everything written inside. */
    public final class Nest implements AutoCloseable {
        private final int start;
        private boolean closed;

        private Nest(int start) {
            this.start = start;
        }

        @Override
        public void close() {
            if (closed) return;
            if (depth == 0 || nests[depth - 1] != start)
                throw new IllegalStateException("nested attribute at offset " + start + " closed out of order");
            int length = pos - start;
            if (length > MAX_ATTRIBUTE_LENGTH)
                throw new IllegalStateException("nested attribute at offset " + start + " is " + length + " bytes, over 65535");
            buf.set(ValueLayout.JAVA_SHORT, start + rtattr.rta_len$offset(), (short) length);
            depth--;
            closed = true;
        }
    }

    /** Finishes the message: writes {@code nlmsg_len} and returns the message's bytes (a view of the buffer). */
    public MemorySegment message() {
        requireOpen();
        if (depth != 0) throw new IllegalStateException(depth + " nested attribute(s) still open");
        buf.set(ValueLayout.JAVA_INT, nlmsghdr.nlmsg_len$offset(), pos);
        return buf.asSlice(0, pos);
    }

    /** A copy of the finished message, for tests and traces. */
    public byte[] toByteArray() {
        return message().toArray(ValueLayout.JAVA_BYTE);
    }

    public int length() {
        return pos;
    }

    public int type() {
        return Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, nlmsghdr.nlmsg_type$offset()));
    }

    public int flags() {
        return Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, nlmsghdr.nlmsg_flags$offset()));
    }

    public int seq() {
        return buf.get(ValueLayout.JAVA_INT, nlmsghdr.nlmsg_seq$offset());
    }

    /** Writes an attribute header for {@code payloadLength} bytes, zeroes payload and padding, returns the payload offset. */
    private int attribute(int type, int payloadLength) {
        requireOpen();
        int length = NLA_HDRLEN + payloadLength;
        if (length > MAX_ATTRIBUTE_LENGTH)
            throw new IllegalArgumentException("attribute " + type + " is " + length + " bytes, over 65535");
        int at = pos;
        zero(NLA_ALIGN(length));
        buf.set(ValueLayout.JAVA_SHORT, at + rtattr.rta_len$offset(), (short) length);
        buf.set(ValueLayout.JAVA_SHORT, at + rtattr.rta_type$offset(), u16(type, "attribute type"));
        return at + NLA_HDRLEN;
    }

    /** Appends {@code n} zero bytes, growing the buffer when needed. */
    private void zero(int n) {
        int end = pos + n;
        if (end > buf.byteSize()) grow(end);
        buf.asSlice(pos, n).fill((byte) 0);
        pos = end;
    }

    private void grow(int needed) {
        long size = buf.byteSize();
        while (size < needed) size *= 2;
        MemorySegment bigger = Arena.ofAuto().allocate(size, 8);
        MemorySegment.copy(buf, 0, bigger, 0, pos);
        buf = bigger;
    }

    private void checkField(int offset, int size) {
        requireOpen();
        if (offset < NLMSG_HDRLEN || offset + size > pos)
            throw new IndexOutOfBoundsException("field [" + offset + ", " + (offset + size) + ") outside the written payload [16, " + pos + ")");
    }

    private void requireOpen() {
        if (!open) throw new IllegalStateException("begin() a message first");
    }

    private static short u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) throw new IllegalArgumentException(what + " " + value + " does not fit 16 bits");
        return (short) value;
    }
}

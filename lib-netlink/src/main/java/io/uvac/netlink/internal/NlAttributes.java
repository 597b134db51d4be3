package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_netlink_h.NLA_ALIGN;
import static io.uvac.sys.raw.linux_netlink_h.NLA_HDRLEN;
import static io.uvac.sys.raw.linux_netlink_h.NLA_TYPE_MASK;

import io.uvac.sys.raw.rtattr;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One level of attributes indexed by type, like the kernel's {@code nla_parse}: the last occurrence of a type
 * wins, types above {@code maxType} are skipped, the NLA_F_NESTED and NLA_F_NET_BYTEORDER bits are masked off.
 * Every length is checked against the enclosing range before anything is read.
 *
 * <pre>
 * NlAttributes a = NlAttributes.parse(buf, m.payload() + NLMSG_ALIGN(ifinfomsg.sizeof()), m.end(), IFLA_MAX);
 * String name = a.string(IFLA_IFNAME);
 * String kind = a.has(IFLA_LINKINFO) ? a.nested(IFLA_LINKINFO, IFLA_INFO_MAX).string(IFLA_INFO_KIND) : null;
 * </pre>
 */
public final class NlAttributes {
    private final MemorySegment buf;
    private final long[] payloads;
    private final int[] lengths;

    private NlAttributes(MemorySegment buf, int maxType) {
        this.buf = buf;
        this.payloads = new long[maxType + 1];
        this.lengths = new int[maxType + 1];
        Arrays.fill(lengths, -1);
    }

    /**
     * Parses the attributes in {@code [from, to)} of {@code buf}. A trailing 1..3 bytes are taken as the padding
     * a sender may leave after its last attribute; an attribute shorter than its header or longer than what
     * remains is a {@link MalformedMessageException}.
     */
    public static NlAttributes parse(MemorySegment buf, long from, long to, int maxType) {
        if (from < 0 || to > buf.byteSize() || from > to)
            throw new MalformedMessageException("attribute range [" + from + ", " + to + ") outside a "
                    + buf.byteSize() + "-byte buffer");
        NlAttributes a = new NlAttributes(buf, maxType);
        long at = from;
        while (to - at >= NLA_HDRLEN) {
            int len = Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT_UNALIGNED, at + rtattr.rta_len$offset()));
            int type = Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT_UNALIGNED, at + rtattr.rta_type$offset())) & NLA_TYPE_MASK;
            if (len < NLA_HDRLEN)
                throw new MalformedMessageException("attribute type " + type + " at offset " + at + " claims " + len
                        + " bytes, less than its header");
            if (len > to - at)
                throw new MalformedMessageException("attribute type " + type + " at offset " + at + " claims " + len
                        + " bytes, " + (to - at) + " remain");
            if (type <= maxType) {
                a.payloads[type] = at + NLA_HDRLEN;
                a.lengths[type] = len - NLA_HDRLEN;
            }
            at = Math.min(to, at + NLA_ALIGN(len));
        }
        return a;
    }

    public boolean has(int type) {
        return type >= 0 && type < lengths.length && lengths[type] >= 0;
    }

    /** Payload length of {@code type}; -1 when absent. */
    public int length(int type) {
        return has(type) ? lengths[type] : -1;
    }

    /** Payload offset of {@code type} in the buffer. */
    public long payload(int type) {
        require(type, 0);
        return payloads[type];
    }

    public int u8(int type) {
        require(type, 1);
        return Byte.toUnsignedInt(buf.get(ValueLayout.JAVA_BYTE, payloads[type]));
    }

    public int u16(int type) {
        require(type, 2);
        return Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT_UNALIGNED, payloads[type]));
    }

    public int u32(int type) {
        require(type, 4);
        return buf.get(ValueLayout.JAVA_INT_UNALIGNED, payloads[type]);
    }

    /** {@link #u32} or {@code absent} when the attribute is missing. */
    public int u32(int type, int absent) {
        return has(type) ? u32(type) : absent;
    }

    /** The payload up to its first NUL (or its end: the kernel's NLA_STRING need not be terminated), as UTF-8. */
    public String string(int type) {
        require(type, 0);
        long start = payloads[type];
        int n = 0;
        while (n < lengths[type] && buf.get(ValueLayout.JAVA_BYTE, start + n) != 0) n++;
        byte[] bytes = buf.asSlice(start, n).toArray(ValueLayout.JAVA_BYTE);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public byte[] bytes(int type) {
        require(type, 0);
        return buf.asSlice(payloads[type], lengths[type]).toArray(ValueLayout.JAVA_BYTE);
    }

    /** A four-byte payload in network byte order. */
    public Inet4Address inet4(int type) {
        require(type, 4);
        if (lengths[type] != 4)
            throw new MalformedMessageException("attribute type " + type + " has " + lengths[type] + " bytes, an IPv4 address has 4");
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes(type));
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    /** The attributes nested in {@code type}'s payload. */
    public NlAttributes nested(int type, int maxType) {
        require(type, 0);
        return parse(buf, payloads[type], payloads[type] + lengths[type], maxType);
    }

    private void require(int type, int minLength) {
        if (!has(type)) throw new MalformedMessageException("attribute type " + type + " is missing");
        if (lengths[type] < minLength)
            throw new MalformedMessageException("attribute type " + type + " has " + lengths[type] + " bytes, needs " + minLength);
    }
}

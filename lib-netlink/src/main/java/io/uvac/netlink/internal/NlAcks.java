package io.uvac.netlink.internal;

import static io.uvac.sys.raw.linux_netlink_h.NLMSGERR_ATTR_MSG;
import static io.uvac.sys.raw.linux_netlink_h.NLMSGERR_ATTR_OFFS;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_ERROR;
import static io.uvac.sys.raw.linux_netlink_h.NLMSG_HDRLEN;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_ACK_TLVS;
import static io.uvac.sys.raw.linux_netlink_h.NLM_F_CAPPED;

import io.uvac.netlink.NetlinkException;
import io.uvac.sys.raw.nlmsgerr;
import io.uvac.sys.raw.nlmsghdr;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Supplier;

/**
 * Reads the end of a reply: an NLMSG_ERROR (the acknowledgement, error 0 or a negative errno) or a dump's
 * NLMSG_DONE (a status word, negative when the dump failed midway). Either may carry extended-ack attributes
 * (NLM_F_ACK_TLVS): after the echoed request for an NLMSG_ERROR, after the status word for an NLMSG_DONE.
 */
public final class NlAcks {
    private NlAcks() {}

    /**
     * The refusal the NLMSG_ERROR or NLMSG_DONE under the cursor reports, with the kernel's text and attribute
     * offset when it sent them; null when it reports success.
     */
    public static NetlinkException refusal(NlMessages m, String operation, Supplier<String> arguments) {
        MemorySegment b = m.buffer();
        long payload = m.payload();
        boolean ack = m.type() == NLMSG_ERROR;
        if (ack) m.requirePayload(nlmsgerr.sizeof(), "struct nlmsgerr");
        else if (m.payloadLength() < Integer.BYTES) return null; // a DONE without its status word
        int error = b.get(ValueLayout.JAVA_INT, payload + nlmsgerr.error$offset());
        if (error >= 0) return null;
        String text = "";
        int offset = -1;
        if ((m.flags() & NLM_F_ACK_TLVS) != 0) {
            long tlvs;
            if (ack) {
                // Under NETLINK_CAP_ACK the echoed request is only its header (NLM_F_CAPPED); else all of it.
                long echoed = payload + nlmsgerr.msg$offset();
                long echoedLength = (m.flags() & NLM_F_CAPPED) != 0 ? NLMSG_HDRLEN
                        : alignUnsigned(b.get(ValueLayout.JAVA_INT, echoed + nlmsghdr.nlmsg_len$offset()));
                if (echoedLength < NLMSG_HDRLEN)
                    throw new MalformedMessageException("NLMSG_ERROR echoes a request of " + echoedLength + " bytes");
                tlvs = echoed + echoedLength;
            } else {
                tlvs = payload + Integer.BYTES;
            }
            if (tlvs > m.end())
                throw new MalformedMessageException("extended-ack attributes at offset " + tlvs
                        + " start past the end of the message (" + m.end() + ")");
            NlAttributes a = NlAttributes.parse(b, tlvs, m.end(), NLMSGERR_ATTR_OFFS);
            if (a.has(NLMSGERR_ATTR_MSG)) text = a.string(NLMSGERR_ATTR_MSG);
            if (a.has(NLMSGERR_ATTR_OFFS)) offset = a.u32(NLMSGERR_ATTR_OFFS);
        }
        return NetlinkException.of(operation, arguments.get(), -error, text, offset);
    }

    /** NLMSG_ALIGN of an unsigned 32-bit length, without int overflow. */
    private static long alignUnsigned(int length) {
        return (Integer.toUnsignedLong(length) + 3) & ~3L;
    }
}

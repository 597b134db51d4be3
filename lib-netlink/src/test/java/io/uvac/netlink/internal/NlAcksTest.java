package io.uvac.netlink.internal;

import static io.uvac.netlink.internal.NlAttributesTest.native_;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.netlink.NetlinkException;
import io.uvac.sys.Errno;
import java.lang.foreign.MemorySegment;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Ends of replies, written from struct nlmsgerr and the NLMSGERR_ATTR_* attributes of {@code <linux/netlink.h>}:
 * error -17 is {@code ef ff ff ff}; NLM_F_CAPPED is 0x100 and NLM_F_ACK_TLVS 0x200.
 */
class NlAcksTest {

    private static NlMessages at(String hex) {
        MemorySegment s = native_(hex);
        NlMessages m = new NlMessages().reset(s, s.byteSize());
        assertTrue(m.next());
        return m;
    }

    @Test
    void cappedErrorWithKernelTextAndOffset() {
        NlMessages m = at("""
                38 00 00 00 02 00 00 03  05 00 00 00 4d 00 00 00
                ef ff ff ff
                60 00 00 00 10 00 05 06  05 00 00 00 00 00 00 00
                09 00 01 00 62 6f 6f 6d  00 00 00 00
                08 00 02 00 20 00 00 00
                """);
        NetlinkException e = NlAcks.refusal(m, "RTM_NEWLINK", () -> "veth h0 peer eth0");
        assertInstanceOf(NetlinkException.AlreadyExists.class, e);
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("boom", e.kernelMessage());
        assertEquals(OptionalInt.of(0x20), e.attributeOffset());
        assertEquals("RTM_NEWLINK veth h0 peer eth0: File exists (EEXIST): boom", e.getMessage());
    }

    @Test
    void uncappedErrorEchoesTheWholeRequestBeforeTheText() {
        // The echoed request is 24 bytes (a header and 8 payload bytes); the attributes follow it.
        NlMessages m = at("""
                38 00 00 00 02 00 00 02  05 00 00 00 4d 00 00 00
                ed ff ff ff
                18 00 00 00 11 00 05 00  05 00 00 00 00 00 00 00  aa aa aa aa aa aa aa aa
                09 00 01 00 67 6f 6e 65  00 00 00 00
                """);
        NetlinkException e = NlAcks.refusal(m, "RTM_DELLINK", () -> "uvt0");
        assertInstanceOf(NetlinkException.NotFound.class, e);
        assertEquals(Errno.ENODEV, e.errno());
        assertEquals("gone", e.kernelMessage());
        assertEquals(OptionalInt.empty(), e.attributeOffset());
    }

    @Test
    void errorWithoutAttributesHasNoKernelText() {
        NlMessages m = at("""
                24 00 00 00 02 00 00 01  05 00 00 00 4d 00 00 00
                ff ff ff ff
                20 00 00 00 10 00 05 00  05 00 00 00 00 00 00 00
                """);
        NetlinkException e = NlAcks.refusal(m, "RTM_NEWLINK", () -> "lo up");
        assertInstanceOf(NetlinkException.NotPermitted.class, e);
        assertEquals("", e.kernelMessage());
        assertEquals("RTM_NEWLINK lo up: Operation not permitted (EPERM)", e.getMessage());
    }

    @Test
    void acknowledgementIsNoRefusal() {
        NlMessages m = at("""
                24 00 00 00 02 00 00 01  05 00 00 00 4d 00 00 00
                00 00 00 00
                20 00 00 00 10 00 05 00  05 00 00 00 00 00 00 00
                """);
        assertNull(NlAcks.refusal(m, "RTM_NEWLINK", () -> { throw new AssertionError("arguments are for errors only"); }));
    }

    @Test
    void failedDumpReportsInItsDone() {
        // NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS: status -EINTR, then the text
        NlMessages m = at("""
                20 00 00 00 03 00 02 02  05 00 00 00 4d 00 00 00
                fc ff ff ff  0a 00 01 00 62 75 73 79 21 00 00 00
                """);
        NetlinkException e = NlAcks.refusal(m, "RTM_GETLINK", () -> "dump");
        assertEquals(Errno.EINTR, e.errno());
        assertEquals("busy!", e.kernelMessage());
        assertNull(NlAcks.refusal(at("14 00 00 00 03 00 02 00 05 00 00 00 4d 00 00 00 00 00 00 00"), "RTM_GETLINK", () -> "dump"));
        assertNull(NlAcks.refusal(at("10 00 00 00 03 00 02 00 05 00 00 00 4d 00 00 00"), "RTM_GETLINK", () -> "dump"),
                "a DONE without a status word is a plain end");
    }

    @Test
    void truncatedErrorIsMalformed() {
        assertThrows(MalformedMessageException.class, () -> NlAcks.refusal(
                at("18 00 00 00 02 00 00 01 05 00 00 00 4d 00 00 00 ef ff ff ff 00 00 00 00"), "RTM_NEWLINK", () -> ""));
        // Uncapped, with attributes announced, but the echoed request claims more than the message holds.
        assertThrows(MalformedMessageException.class, () -> NlAcks.refusal(at("""
                24 00 00 00 02 00 00 02  05 00 00 00 4d 00 00 00
                ef ff ff ff
                00 01 00 00 10 00 05 00  05 00 00 00 00 00 00 00
                """), "RTM_NEWLINK", () -> ""));
    }
}

package io.uvac.netlink.internal;

import static io.uvac.netlink.internal.NlAttributesTest.native_;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class NlMessagesTest {

    @Test
    void walksPackedMessagesIncludingAnUnpaddedLastOne() {
        MemorySegment s = native_("""
                14 00 00 00 10 00 02 00  01 00 00 00 78 56 34 12  aa bb cc dd
                11 00 00 00 03 00 02 00  01 00 00 00 78 56 34 12  ee
                """);
        // The first message is 20 bytes (aligned); the second 17, and the datagram ends without its padding.
        NlMessages m = new NlMessages().reset(s, s.byteSize());
        assertTrue(m.next());
        assertEquals(0, m.offset());
        assertEquals(0x10, m.type());
        assertEquals(2, m.flags());
        assertEquals(1, m.seq());
        assertEquals(0x12345678, m.portId());
        assertEquals(4, m.payloadLength());
        assertEquals(16, m.payload());
        assertEquals(20, m.end());
        assertTrue(m.next());
        assertEquals(20, m.offset());
        assertEquals(3, m.type());
        assertEquals(1, m.payloadLength());
        assertFalse(m.next());
    }

    @Test
    void headerClaimingMoreThanReceivedIsMalformed() {
        MemorySegment s = native_("20 00 00 00 10 00 02 00  01 00 00 00 00 00 00 00  00 00 00 00");
        NlMessages m = new NlMessages().reset(s, s.byteSize());
        var e = assertThrows(MalformedMessageException.class, m::next);
        assertEquals("message at offset 0 claims 32 bytes, 20 remain", e.getMessage());
    }

    @Test
    void headerClaimingLessThanAHeaderIsMalformed() {
        MemorySegment s = native_("00 00 00 00 10 00 02 00  01 00 00 00 00 00 00 00");
        assertThrows(MalformedMessageException.class, () -> new NlMessages().reset(s, s.byteSize()).next());
    }

    @Test
    void cutHeaderIsMalformed() {
        MemorySegment s = native_("10 00 00 00 10 00 02 00  01 00 00 00 00 00 00 00  10 00 00 00");
        NlMessages m = new NlMessages().reset(s, s.byteSize());
        assertTrue(m.next());
        assertThrows(MalformedMessageException.class, m::next);
    }

    @Test
    void payloadTooShortForItsStructIsMalformed() {
        MemorySegment s = native_("14 00 00 00 10 00 02 00  01 00 00 00 00 00 00 00  00 00 00 00");
        NlMessages m = new NlMessages().reset(s, s.byteSize());
        assertTrue(m.next());
        assertThrows(MalformedMessageException.class, () -> m.requirePayload(16, "struct ifinfomsg"));
        m.requirePayload(4, "four bytes");
    }

    @Test
    void limitMustLieInTheBuffer() {
        MemorySegment s = native_("00 00 00 00");
        assertThrows(IllegalArgumentException.class, () -> new NlMessages().reset(s, 5));
        assertFalse(new NlMessages().reset(s, 0).next());
    }
}

package io.uvac.netlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class NlAttributesTest {

    static MemorySegment native_(String hex) {
        return Hex.nativeCopy(Hex.parse(hex));
    }

    static NlAttributes parse(String hex, int maxType) {
        MemorySegment s = native_(hex);
        return NlAttributes.parse(s, 0, s.byteSize(), maxType);
    }

    @Test
    void readsTypedValues() {
        NlAttributes a = parse("""
                05 00 01 00 07 00 00 00   06 00 02 00 34 12 00 00   08 00 03 00 78 56 34 12
                08 00 04 00 0a c8 01 02   09 00 05 00 65 74 68 30 00 00 00 00
                """, 5);
        assertEquals(7, a.u8(1));
        assertEquals(0x1234, a.u16(2));
        assertEquals(0x12345678, a.u32(3));
        assertEquals("10.200.1.2", a.inet4(4).getHostAddress());
        assertEquals("eth0", a.string(5));
        assertEquals(5, a.length(5));
        assertArrayEquals(new byte[] {'e', 't', 'h', '0', 0}, a.bytes(5));
    }

    @Test
    void lastAttributeMayLackItsPadding() {
        NlAttributes a = parse("08 00 01 00 01 00 00 00  05 00 02 00 09", 2);
        assertEquals(9, a.u8(2));
    }

    @Test
    void trailingPaddingIsIgnored() {
        NlAttributes a = parse("08 00 01 00 01 00 00 00  00 00 00", 2);
        assertEquals(1, a.u32(1));
        assertFalse(a.has(2));
    }

    @Test
    void attributeLongerThanWhatRemainsIsMalformed() {
        var e = assertThrows(MalformedMessageException.class, () -> parse("08 00 01 00 01 00 00 00  0c 00 02 00 01 00 00 00", 2));
        assertEquals("attribute type 2 at offset 8 claims 12 bytes, 8 remain", e.getMessage());
    }

    @Test
    void attributeShorterThanItsHeaderIsMalformed() {
        // A zero length would otherwise loop forever on the same attribute.
        assertThrows(MalformedMessageException.class, () -> parse("00 00 01 00 00 00 00 00", 2));
        assertThrows(MalformedMessageException.class, () -> parse("03 00 01 00 00 00 00 00", 2));
    }

    @Test
    void valueShorterThanItsTypeIsMalformed() {
        NlAttributes a = parse("06 00 01 00 01 02 00 00  07 00 02 00 01 02 03 00", 2);
        assertThrows(MalformedMessageException.class, () -> a.u32(1));
        assertEquals(0x0201, a.u16(1));
        assertThrows(MalformedMessageException.class, () -> a.inet4(2), "an IPv4 address is exactly 4 bytes");
        assertThrows(MalformedMessageException.class, () -> a.u32(3), "missing");
        assertEquals(-5, a.u32(3, -5));
    }

    @Test
    void lastOccurrenceWinsAndHighTypesAreSkipped() {
        NlAttributes a = parse("08 00 01 00 01 00 00 00  08 00 01 00 02 00 00 00  08 00 09 00 03 00 00 00", 2);
        assertEquals(2, a.u32(1));
        assertFalse(a.has(9));
        assertFalse(a.has(-1));
    }

    @Test
    void nestedAndByteOrderFlagsAreMaskedOff() {
        // type 0x8001: NLA_F_NESTED | 1, holding type 0x4002: NLA_F_NET_BYTEORDER | 2
        NlAttributes a = parse("0c 00 01 80 08 00 02 40 0a 00 00 01", 2);
        assertTrue(a.has(1));
        assertEquals(0x0100000a, a.nested(1, 2).u32(2));
    }

    @Test
    void nestedAttributesAreBoundedByTheirParent() {
        // The outer attribute is 8 bytes; its child claims 8 but has only 4 inside the parent. The bytes after
        // the parent's range would complete the child: they must not be read.
        MemorySegment s = native_("08 00 01 00 08 00 02 00  05 00 00 00");
        NlAttributes a = NlAttributes.parse(s, 0, 8, 2);
        assertThrows(MalformedMessageException.class, () -> a.nested(1, 2));
    }

    @Test
    void stringWithoutNulEndsAtThePayload() {
        NlAttributes a = parse("08 00 01 00 76 65 74 68", 1);
        assertEquals("veth", a.string(1));
    }

    @Test
    void rangeOutsideTheBufferIsRejected() {
        MemorySegment s = native_("08 00 01 00 01 00 00 00");
        assertThrows(MalformedMessageException.class, () -> NlAttributes.parse(s, 0, 9, 1));
        assertThrows(MalformedMessageException.class, () -> NlAttributes.parse(s, 6, 4, 1));
        assertFalse(NlAttributes.parse(s, 8, 8, 1).has(1), "an empty range holds nothing");
    }
}

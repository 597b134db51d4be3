package io.uvac.netlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NlWriterTest {
    private final NlWriter w = new NlWriter(32);

    @Test
    @SuppressWarnings("try")
    void nestsCoverTheirContentAndPadding() {
        w.begin(0x20, 0x1, 3);
        try (var outer = w.nest(1)) {
            w.u8(2, 0xAB);                     // len 5, padded to 8
            try (var inner = w.nest(3)) {
                w.string(4, "abc");            // len 8, no padding
            }
        }
        assertArrayEquals(Hex.parse("""
                28 00 00 00 20 00 01 00  03 00 00 00 00 00 00 00
                18 00 01 00 05 00 02 00  ab 00 00 00 0c 00 03 00
                08 00 04 00 61 62 63 00
                """), w.toByteArray(), () -> Hex.format(w.toByteArray()));
    }

    @Test
    void reusedBufferNeverLeaksTheEarlierMessage() {
        w.begin(0x20, 0, 1).bytes(1, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});
        w.begin(0x20, 0, 2).u8(1, 1);
        // The u8 attribute's three padding bytes were 0xff in the earlier message.
        assertArrayEquals(Hex.parse("18 00 00 00 20 00 00 00 02 00 00 00 00 00 00 00  05 00 01 00 01 00 00 00"),
                w.toByteArray());
        w.begin(0x20, 0, 3);
        int at = w.struct(3);
        assertEquals(16, at);
        assertEquals(20, w.length(), "a 3-byte struct takes 4");
        assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(w.toByteArray(), 16, 20));
    }

    @Test
    void growsAndKeepsWhatWasWritten() {
        w.begin(0x20, 0, 1);
        for (int i = 0; i < 100; i++) w.u32(i, i);
        byte[] bytes = w.toByteArray();
        assertEquals(16 + 100 * 8, bytes.length);
        NlAttributes a = NlAttributes.parse(w.message(), 16, bytes.length, 99);
        for (int i = 0; i < 100; i++) assertEquals(i, a.u32(i));
    }

    @Test
    void nestsMustCloseInnermostFirstAndBeforeTheMessageEnds() {
        w.begin(0x20, 0, 1);
        NlWriter.Nest outer = w.nest(1);
        NlWriter.Nest inner = w.nest(2);
        assertThrows(IllegalStateException.class, outer::close);
        assertThrows(IllegalStateException.class, w::message);
        inner.close();
        outer.close();
        outer.close(); // idempotent
        assertEquals(24, w.message().byteSize());
    }

    @Test
    void rejectsWhatTheWireCannotCarry() {
        w.begin(0x20, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> w.bytes(1, new byte[65532]), "rta_len is 16 bits");
        assertThrows(IllegalArgumentException.class, () -> w.string(1, "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> w.u32(0x10000, 1));
        assertThrows(IllegalArgumentException.class, () -> w.begin(0x10000, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> w.begin(0x20, 0, 1).putInt(8, 1), "no writes into the header");
        assertThrows(IndexOutOfBoundsException.class, () -> w.begin(0x20, 0, 1).putInt(16, 1), "nor past what was written");
    }

    @Test
    void writesNothingBeforeBegin() {
        assertThrows(IllegalStateException.class, () -> w.u32(1, 1));
        assertThrows(IllegalStateException.class, w::message);
    }

    @Test
    void exposesTheHeaderFields() {
        w.begin(0xFFFF, 0x8305, -2);
        assertEquals(0xFFFF, w.type());
        assertEquals(0x8305, w.flags());
        assertEquals(-2, w.seq());
    }
}

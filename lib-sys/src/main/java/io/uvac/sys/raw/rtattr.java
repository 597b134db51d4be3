package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct rtattr}: the header of a routing attribute, {@code <linux/rtnetlink.h>}.
 *
 * <p>{@code rta_len} counts the header and payload but not the padding to the next attribute; the same
 * layout as {@code struct nlattr}.
 */
public final class rtattr {
    private rtattr() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_SHORT.withName("rta_len"),
            C_SHORT.withName("rta_type")).withName("rtattr");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfShort rta_len$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("rta_len"));
    private static final long rta_len$OFFSET = LAYOUT.byteOffset(groupElement("rta_len"));

    /** {@code unsigned short rta_len} */
    public static long rta_len$offset() { return rta_len$OFFSET; }

    public static short rta_len(MemorySegment struct) { return struct.get(rta_len$LAYOUT, rta_len$OFFSET); }

    public static void rta_len(MemorySegment struct, short value) { struct.set(rta_len$LAYOUT, rta_len$OFFSET, value); }

    private static final ValueLayout.OfShort rta_type$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("rta_type"));
    private static final long rta_type$OFFSET = LAYOUT.byteOffset(groupElement("rta_type"));

    /** {@code unsigned short rta_type} */
    public static long rta_type$offset() { return rta_type$OFFSET; }

    public static short rta_type(MemorySegment struct) { return struct.get(rta_type$LAYOUT, rta_type$OFFSET); }

    public static void rta_type(MemorySegment struct, short value) { struct.set(rta_type$LAYOUT, rta_type$OFFSET, value); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct ifinfomsg}: the fixed header of RTM_{NEW,DEL,GET,SET}LINK, {@code <linux/rtnetlink.h>}.
 *
 * <p>{@code ifi_change} masks which bits of {@code ifi_flags} a request changes.
 */
public final class ifinfomsg {
    private ifinfomsg() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_CHAR.withName("ifi_family"),
            C_CHAR.withName("__ifi_pad"),
            C_SHORT.withName("ifi_type"),
            C_INT.withName("ifi_index"),
            C_INT.withName("ifi_flags"),
            C_INT.withName("ifi_change")).withName("ifinfomsg");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfByte ifi_family$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("ifi_family"));
    private static final long ifi_family$OFFSET = LAYOUT.byteOffset(groupElement("ifi_family"));

    /** {@code unsigned char ifi_family} */
    public static long ifi_family$offset() { return ifi_family$OFFSET; }

    public static byte ifi_family(MemorySegment struct) { return struct.get(ifi_family$LAYOUT, ifi_family$OFFSET); }

    public static void ifi_family(MemorySegment struct, byte value) { struct.set(ifi_family$LAYOUT, ifi_family$OFFSET, value); }

    private static final ValueLayout.OfByte __ifi_pad$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("__ifi_pad"));
    private static final long __ifi_pad$OFFSET = LAYOUT.byteOffset(groupElement("__ifi_pad"));

    /** {@code unsigned char __ifi_pad} */
    public static long __ifi_pad$offset() { return __ifi_pad$OFFSET; }

    public static byte __ifi_pad(MemorySegment struct) { return struct.get(__ifi_pad$LAYOUT, __ifi_pad$OFFSET); }

    public static void __ifi_pad(MemorySegment struct, byte value) { struct.set(__ifi_pad$LAYOUT, __ifi_pad$OFFSET, value); }

    private static final ValueLayout.OfShort ifi_type$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("ifi_type"));
    private static final long ifi_type$OFFSET = LAYOUT.byteOffset(groupElement("ifi_type"));

    /** {@code unsigned short ifi_type} */
    public static long ifi_type$offset() { return ifi_type$OFFSET; }

    public static short ifi_type(MemorySegment struct) { return struct.get(ifi_type$LAYOUT, ifi_type$OFFSET); }

    public static void ifi_type(MemorySegment struct, short value) { struct.set(ifi_type$LAYOUT, ifi_type$OFFSET, value); }

    private static final ValueLayout.OfInt ifi_index$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("ifi_index"));
    private static final long ifi_index$OFFSET = LAYOUT.byteOffset(groupElement("ifi_index"));

    /** {@code int ifi_index} */
    public static long ifi_index$offset() { return ifi_index$OFFSET; }

    public static int ifi_index(MemorySegment struct) { return struct.get(ifi_index$LAYOUT, ifi_index$OFFSET); }

    public static void ifi_index(MemorySegment struct, int value) { struct.set(ifi_index$LAYOUT, ifi_index$OFFSET, value); }

    private static final ValueLayout.OfInt ifi_flags$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("ifi_flags"));
    private static final long ifi_flags$OFFSET = LAYOUT.byteOffset(groupElement("ifi_flags"));

    /** {@code unsigned ifi_flags} */
    public static long ifi_flags$offset() { return ifi_flags$OFFSET; }

    public static int ifi_flags(MemorySegment struct) { return struct.get(ifi_flags$LAYOUT, ifi_flags$OFFSET); }

    public static void ifi_flags(MemorySegment struct, int value) { struct.set(ifi_flags$LAYOUT, ifi_flags$OFFSET, value); }

    private static final ValueLayout.OfInt ifi_change$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("ifi_change"));
    private static final long ifi_change$OFFSET = LAYOUT.byteOffset(groupElement("ifi_change"));

    /** {@code unsigned ifi_change} */
    public static long ifi_change$offset() { return ifi_change$OFFSET; }

    public static int ifi_change(MemorySegment struct) { return struct.get(ifi_change$LAYOUT, ifi_change$OFFSET); }

    public static void ifi_change(MemorySegment struct, int value) { struct.set(ifi_change$LAYOUT, ifi_change$OFFSET, value); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct ifaddrmsg}: the fixed header of RTM_{NEW,DEL,GET}ADDR, {@code <linux/if_addr.h>}.
 */
public final class ifaddrmsg {
    private ifaddrmsg() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_CHAR.withName("ifa_family"),
            C_CHAR.withName("ifa_prefixlen"),
            C_CHAR.withName("ifa_flags"),
            C_CHAR.withName("ifa_scope"),
            C_INT.withName("ifa_index")).withName("ifaddrmsg");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfByte ifa_family$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("ifa_family"));
    private static final long ifa_family$OFFSET = LAYOUT.byteOffset(groupElement("ifa_family"));

    /** {@code __u8 ifa_family} */
    public static long ifa_family$offset() { return ifa_family$OFFSET; }

    public static byte ifa_family(MemorySegment struct) { return struct.get(ifa_family$LAYOUT, ifa_family$OFFSET); }

    public static void ifa_family(MemorySegment struct, byte value) { struct.set(ifa_family$LAYOUT, ifa_family$OFFSET, value); }

    private static final ValueLayout.OfByte ifa_prefixlen$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("ifa_prefixlen"));
    private static final long ifa_prefixlen$OFFSET = LAYOUT.byteOffset(groupElement("ifa_prefixlen"));

    /** {@code __u8 ifa_prefixlen} */
    public static long ifa_prefixlen$offset() { return ifa_prefixlen$OFFSET; }

    public static byte ifa_prefixlen(MemorySegment struct) { return struct.get(ifa_prefixlen$LAYOUT, ifa_prefixlen$OFFSET); }

    public static void ifa_prefixlen(MemorySegment struct, byte value) { struct.set(ifa_prefixlen$LAYOUT, ifa_prefixlen$OFFSET, value); }

    private static final ValueLayout.OfByte ifa_flags$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("ifa_flags"));
    private static final long ifa_flags$OFFSET = LAYOUT.byteOffset(groupElement("ifa_flags"));

    /** {@code __u8 ifa_flags} */
    public static long ifa_flags$offset() { return ifa_flags$OFFSET; }

    public static byte ifa_flags(MemorySegment struct) { return struct.get(ifa_flags$LAYOUT, ifa_flags$OFFSET); }

    public static void ifa_flags(MemorySegment struct, byte value) { struct.set(ifa_flags$LAYOUT, ifa_flags$OFFSET, value); }

    private static final ValueLayout.OfByte ifa_scope$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("ifa_scope"));
    private static final long ifa_scope$OFFSET = LAYOUT.byteOffset(groupElement("ifa_scope"));

    /** {@code __u8 ifa_scope} */
    public static long ifa_scope$offset() { return ifa_scope$OFFSET; }

    public static byte ifa_scope(MemorySegment struct) { return struct.get(ifa_scope$LAYOUT, ifa_scope$OFFSET); }

    public static void ifa_scope(MemorySegment struct, byte value) { struct.set(ifa_scope$LAYOUT, ifa_scope$OFFSET, value); }

    private static final ValueLayout.OfInt ifa_index$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("ifa_index"));
    private static final long ifa_index$OFFSET = LAYOUT.byteOffset(groupElement("ifa_index"));

    /** {@code __u32 ifa_index} */
    public static long ifa_index$offset() { return ifa_index$OFFSET; }

    public static int ifa_index(MemorySegment struct) { return struct.get(ifa_index$LAYOUT, ifa_index$OFFSET); }

    public static void ifa_index(MemorySegment struct, int value) { struct.set(ifa_index$LAYOUT, ifa_index$OFFSET, value); }
}

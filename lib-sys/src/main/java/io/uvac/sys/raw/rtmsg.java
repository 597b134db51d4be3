package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct rtmsg}: the fixed header of RTM_{NEW,DEL,GET}ROUTE, {@code <linux/rtnetlink.h>}.
 */
public final class rtmsg {
    private rtmsg() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_CHAR.withName("rtm_family"),
            C_CHAR.withName("rtm_dst_len"),
            C_CHAR.withName("rtm_src_len"),
            C_CHAR.withName("rtm_tos"),
            C_CHAR.withName("rtm_table"),
            C_CHAR.withName("rtm_protocol"),
            C_CHAR.withName("rtm_scope"),
            C_CHAR.withName("rtm_type"),
            C_INT.withName("rtm_flags")).withName("rtmsg");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfByte rtm_family$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_family"));
    private static final long rtm_family$OFFSET = LAYOUT.byteOffset(groupElement("rtm_family"));

    /** {@code unsigned char rtm_family} */
    public static long rtm_family$offset() { return rtm_family$OFFSET; }

    public static byte rtm_family(MemorySegment struct) { return struct.get(rtm_family$LAYOUT, rtm_family$OFFSET); }

    public static void rtm_family(MemorySegment struct, byte value) { struct.set(rtm_family$LAYOUT, rtm_family$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_dst_len$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_dst_len"));
    private static final long rtm_dst_len$OFFSET = LAYOUT.byteOffset(groupElement("rtm_dst_len"));

    /** {@code unsigned char rtm_dst_len} */
    public static long rtm_dst_len$offset() { return rtm_dst_len$OFFSET; }

    public static byte rtm_dst_len(MemorySegment struct) { return struct.get(rtm_dst_len$LAYOUT, rtm_dst_len$OFFSET); }

    public static void rtm_dst_len(MemorySegment struct, byte value) { struct.set(rtm_dst_len$LAYOUT, rtm_dst_len$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_src_len$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_src_len"));
    private static final long rtm_src_len$OFFSET = LAYOUT.byteOffset(groupElement("rtm_src_len"));

    /** {@code unsigned char rtm_src_len} */
    public static long rtm_src_len$offset() { return rtm_src_len$OFFSET; }

    public static byte rtm_src_len(MemorySegment struct) { return struct.get(rtm_src_len$LAYOUT, rtm_src_len$OFFSET); }

    public static void rtm_src_len(MemorySegment struct, byte value) { struct.set(rtm_src_len$LAYOUT, rtm_src_len$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_tos$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_tos"));
    private static final long rtm_tos$OFFSET = LAYOUT.byteOffset(groupElement("rtm_tos"));

    /** {@code unsigned char rtm_tos} */
    public static long rtm_tos$offset() { return rtm_tos$OFFSET; }

    public static byte rtm_tos(MemorySegment struct) { return struct.get(rtm_tos$LAYOUT, rtm_tos$OFFSET); }

    public static void rtm_tos(MemorySegment struct, byte value) { struct.set(rtm_tos$LAYOUT, rtm_tos$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_table$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_table"));
    private static final long rtm_table$OFFSET = LAYOUT.byteOffset(groupElement("rtm_table"));

    /** {@code unsigned char rtm_table} */
    public static long rtm_table$offset() { return rtm_table$OFFSET; }

    public static byte rtm_table(MemorySegment struct) { return struct.get(rtm_table$LAYOUT, rtm_table$OFFSET); }

    public static void rtm_table(MemorySegment struct, byte value) { struct.set(rtm_table$LAYOUT, rtm_table$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_protocol$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_protocol"));
    private static final long rtm_protocol$OFFSET = LAYOUT.byteOffset(groupElement("rtm_protocol"));

    /** {@code unsigned char rtm_protocol} */
    public static long rtm_protocol$offset() { return rtm_protocol$OFFSET; }

    public static byte rtm_protocol(MemorySegment struct) { return struct.get(rtm_protocol$LAYOUT, rtm_protocol$OFFSET); }

    public static void rtm_protocol(MemorySegment struct, byte value) { struct.set(rtm_protocol$LAYOUT, rtm_protocol$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_scope$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_scope"));
    private static final long rtm_scope$OFFSET = LAYOUT.byteOffset(groupElement("rtm_scope"));

    /** {@code unsigned char rtm_scope} */
    public static long rtm_scope$offset() { return rtm_scope$OFFSET; }

    public static byte rtm_scope(MemorySegment struct) { return struct.get(rtm_scope$LAYOUT, rtm_scope$OFFSET); }

    public static void rtm_scope(MemorySegment struct, byte value) { struct.set(rtm_scope$LAYOUT, rtm_scope$OFFSET, value); }

    private static final ValueLayout.OfByte rtm_type$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("rtm_type"));
    private static final long rtm_type$OFFSET = LAYOUT.byteOffset(groupElement("rtm_type"));

    /** {@code unsigned char rtm_type} */
    public static long rtm_type$offset() { return rtm_type$OFFSET; }

    public static byte rtm_type(MemorySegment struct) { return struct.get(rtm_type$LAYOUT, rtm_type$OFFSET); }

    public static void rtm_type(MemorySegment struct, byte value) { struct.set(rtm_type$LAYOUT, rtm_type$OFFSET, value); }

    private static final ValueLayout.OfInt rtm_flags$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("rtm_flags"));
    private static final long rtm_flags$OFFSET = LAYOUT.byteOffset(groupElement("rtm_flags"));

    /** {@code unsigned rtm_flags} */
    public static long rtm_flags$offset() { return rtm_flags$OFFSET; }

    public static int rtm_flags(MemorySegment struct) { return struct.get(rtm_flags$LAYOUT, rtm_flags$OFFSET); }

    public static void rtm_flags(MemorySegment struct, int value) { struct.set(rtm_flags$LAYOUT, rtm_flags$OFFSET, value); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct nlmsghdr}: the header of every netlink message, {@code <linux/netlink.h>}.
 *
 * <p>{@code nlmsg_len} counts the header and payload but not the padding to the next message.
 */
public final class nlmsghdr {
    private nlmsghdr() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_INT.withName("nlmsg_len"),
            C_SHORT.withName("nlmsg_type"),
            C_SHORT.withName("nlmsg_flags"),
            C_INT.withName("nlmsg_seq"),
            C_INT.withName("nlmsg_pid")).withName("nlmsghdr");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfInt nlmsg_len$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("nlmsg_len"));
    private static final long nlmsg_len$OFFSET = LAYOUT.byteOffset(groupElement("nlmsg_len"));

    /** {@code __u32 nlmsg_len} */
    public static long nlmsg_len$offset() { return nlmsg_len$OFFSET; }

    public static int nlmsg_len(MemorySegment struct) { return struct.get(nlmsg_len$LAYOUT, nlmsg_len$OFFSET); }

    public static void nlmsg_len(MemorySegment struct, int value) { struct.set(nlmsg_len$LAYOUT, nlmsg_len$OFFSET, value); }

    private static final ValueLayout.OfShort nlmsg_type$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("nlmsg_type"));
    private static final long nlmsg_type$OFFSET = LAYOUT.byteOffset(groupElement("nlmsg_type"));

    /** {@code __u16 nlmsg_type} */
    public static long nlmsg_type$offset() { return nlmsg_type$OFFSET; }

    public static short nlmsg_type(MemorySegment struct) { return struct.get(nlmsg_type$LAYOUT, nlmsg_type$OFFSET); }

    public static void nlmsg_type(MemorySegment struct, short value) { struct.set(nlmsg_type$LAYOUT, nlmsg_type$OFFSET, value); }

    private static final ValueLayout.OfShort nlmsg_flags$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("nlmsg_flags"));
    private static final long nlmsg_flags$OFFSET = LAYOUT.byteOffset(groupElement("nlmsg_flags"));

    /** {@code __u16 nlmsg_flags} */
    public static long nlmsg_flags$offset() { return nlmsg_flags$OFFSET; }

    public static short nlmsg_flags(MemorySegment struct) { return struct.get(nlmsg_flags$LAYOUT, nlmsg_flags$OFFSET); }

    public static void nlmsg_flags(MemorySegment struct, short value) { struct.set(nlmsg_flags$LAYOUT, nlmsg_flags$OFFSET, value); }

    private static final ValueLayout.OfInt nlmsg_seq$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("nlmsg_seq"));
    private static final long nlmsg_seq$OFFSET = LAYOUT.byteOffset(groupElement("nlmsg_seq"));

    /** {@code __u32 nlmsg_seq} */
    public static long nlmsg_seq$offset() { return nlmsg_seq$OFFSET; }

    public static int nlmsg_seq(MemorySegment struct) { return struct.get(nlmsg_seq$LAYOUT, nlmsg_seq$OFFSET); }

    public static void nlmsg_seq(MemorySegment struct, int value) { struct.set(nlmsg_seq$LAYOUT, nlmsg_seq$OFFSET, value); }

    private static final ValueLayout.OfInt nlmsg_pid$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("nlmsg_pid"));
    private static final long nlmsg_pid$OFFSET = LAYOUT.byteOffset(groupElement("nlmsg_pid"));

    /** {@code __u32 nlmsg_pid} */
    public static long nlmsg_pid$offset() { return nlmsg_pid$OFFSET; }

    public static int nlmsg_pid(MemorySegment struct) { return struct.get(nlmsg_pid$LAYOUT, nlmsg_pid$OFFSET); }

    public static void nlmsg_pid(MemorySegment struct, int value) { struct.set(nlmsg_pid$LAYOUT, nlmsg_pid$OFFSET, value); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct sockaddr_nl}: a netlink socket address, {@code <linux/netlink.h>}; see netlink(7).
 *
 * <p>{@code nl_pid} is the port id: 0 addresses the kernel; bind(2) with 0 lets the kernel pick one.
 */
public final class sockaddr_nl {
    private sockaddr_nl() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_SHORT.withName("nl_family"),
            C_SHORT.withName("nl_pad"),
            C_INT.withName("nl_pid"),
            C_INT.withName("nl_groups")).withName("sockaddr_nl");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfShort nl_family$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("nl_family"));
    private static final long nl_family$OFFSET = LAYOUT.byteOffset(groupElement("nl_family"));

    /** {@code __kernel_sa_family_t nl_family} */
    public static long nl_family$offset() { return nl_family$OFFSET; }

    public static short nl_family(MemorySegment struct) { return struct.get(nl_family$LAYOUT, nl_family$OFFSET); }

    public static void nl_family(MemorySegment struct, short value) { struct.set(nl_family$LAYOUT, nl_family$OFFSET, value); }

    private static final ValueLayout.OfShort nl_pad$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("nl_pad"));
    private static final long nl_pad$OFFSET = LAYOUT.byteOffset(groupElement("nl_pad"));

    /** {@code unsigned short nl_pad} */
    public static long nl_pad$offset() { return nl_pad$OFFSET; }

    public static short nl_pad(MemorySegment struct) { return struct.get(nl_pad$LAYOUT, nl_pad$OFFSET); }

    public static void nl_pad(MemorySegment struct, short value) { struct.set(nl_pad$LAYOUT, nl_pad$OFFSET, value); }

    private static final ValueLayout.OfInt nl_pid$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("nl_pid"));
    private static final long nl_pid$OFFSET = LAYOUT.byteOffset(groupElement("nl_pid"));

    /** {@code __u32 nl_pid} */
    public static long nl_pid$offset() { return nl_pid$OFFSET; }

    public static int nl_pid(MemorySegment struct) { return struct.get(nl_pid$LAYOUT, nl_pid$OFFSET); }

    public static void nl_pid(MemorySegment struct, int value) { struct.set(nl_pid$LAYOUT, nl_pid$OFFSET, value); }

    private static final ValueLayout.OfInt nl_groups$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("nl_groups"));
    private static final long nl_groups$OFFSET = LAYOUT.byteOffset(groupElement("nl_groups"));

    /** {@code __u32 nl_groups} */
    public static long nl_groups$offset() { return nl_groups$OFFSET; }

    public static int nl_groups(MemorySegment struct) { return struct.get(nl_groups$LAYOUT, nl_groups$OFFSET); }

    public static void nl_groups(MemorySegment struct, int value) { struct.set(nl_groups$LAYOUT, nl_groups$OFFSET, value); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code struct nlmsgerr}: the payload of an NLMSG_ERROR message, {@code <linux/netlink.h>}.
 *
 * <p>{@code error} is 0 for an acknowledgement, else a negative errno. {@code msg} echoes the request's
 * header, followed by its payload unless NLM_F_CAPPED, then by NLMSGERR_ATTR_* attributes when NLM_F_ACK_TLVS.
 */
public final class nlmsgerr {
    private nlmsgerr() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_INT.withName("error"),
            nlmsghdr.layout().withName("msg")).withName("nlmsgerr");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfInt error$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("error"));
    private static final long error$OFFSET = LAYOUT.byteOffset(groupElement("error"));

    /** {@code int error} */
    public static long error$offset() { return error$OFFSET; }

    public static int error(MemorySegment struct) { return struct.get(error$LAYOUT, error$OFFSET); }

    public static void error(MemorySegment struct, int value) { struct.set(error$LAYOUT, error$OFFSET, value); }

    private static final long msg$OFFSET = LAYOUT.byteOffset(groupElement("msg"));

    /** {@code struct nlmsghdr msg} */
    public static long msg$offset() { return msg$OFFSET; }

    /** The embedded {@code struct nlmsghdr msg}, as a slice of {@code struct}. */
    public static MemorySegment msg(MemorySegment struct) { return struct.asSlice(msg$OFFSET, nlmsghdr.layout()); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code struct pollfd}: one entry of poll(2), {@code <poll.h>}. */
public final class pollfd {
    private pollfd() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_INT.withName("fd"),
            C_SHORT.withName("events"),
            C_SHORT.withName("revents")).withName("pollfd");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfInt fd$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("fd"));
    private static final long fd$OFFSET = LAYOUT.byteOffset(groupElement("fd"));

    public static long fd$offset() { return fd$OFFSET; }

    public static int fd(MemorySegment struct) { return struct.get(fd$LAYOUT, fd$OFFSET); }

    public static void fd(MemorySegment struct, int value) { struct.set(fd$LAYOUT, fd$OFFSET, value); }

    private static final ValueLayout.OfShort events$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("events"));
    private static final long events$OFFSET = LAYOUT.byteOffset(groupElement("events"));

    public static long events$offset() { return events$OFFSET; }

    public static short events(MemorySegment struct) { return struct.get(events$LAYOUT, events$OFFSET); }

    public static void events(MemorySegment struct, short value) { struct.set(events$LAYOUT, events$OFFSET, value); }

    private static final ValueLayout.OfShort revents$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("revents"));
    private static final long revents$OFFSET = LAYOUT.byteOffset(groupElement("revents"));

    public static long revents$offset() { return revents$OFFSET; }

    public static short revents(MemorySegment struct) { return struct.get(revents$LAYOUT, revents$OFFSET); }

    public static void revents(MemorySegment struct, short value) { struct.set(revents$LAYOUT, revents$OFFSET, value); }
}

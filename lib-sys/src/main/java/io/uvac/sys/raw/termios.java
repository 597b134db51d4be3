package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code struct termios}: terminal attributes, {@code <termios.h>} (glibc x86-64 layout); the control characters are kept as opaque bytes. */
public final class termios {
    private termios() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_INT.withName("c_iflag"),
            C_INT.withName("c_oflag"),
            C_INT.withName("c_cflag"),
            C_INT.withName("c_lflag"),
            C_CHAR.withName("c_line"),
            MemoryLayout.paddingLayout(35),
            C_INT.withName("c_ispeed"),
            C_INT.withName("c_ospeed")).withName("termios");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfInt c_iflag$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("c_iflag"));
    private static final long c_iflag$OFFSET = LAYOUT.byteOffset(groupElement("c_iflag"));

    public static long c_iflag$offset() { return c_iflag$OFFSET; }

    public static int c_iflag(MemorySegment struct) { return struct.get(c_iflag$LAYOUT, c_iflag$OFFSET); }

    public static void c_iflag(MemorySegment struct, int value) { struct.set(c_iflag$LAYOUT, c_iflag$OFFSET, value); }

    private static final ValueLayout.OfInt c_oflag$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("c_oflag"));
    private static final long c_oflag$OFFSET = LAYOUT.byteOffset(groupElement("c_oflag"));

    public static long c_oflag$offset() { return c_oflag$OFFSET; }

    public static int c_oflag(MemorySegment struct) { return struct.get(c_oflag$LAYOUT, c_oflag$OFFSET); }

    public static void c_oflag(MemorySegment struct, int value) { struct.set(c_oflag$LAYOUT, c_oflag$OFFSET, value); }

    private static final ValueLayout.OfInt c_cflag$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("c_cflag"));
    private static final long c_cflag$OFFSET = LAYOUT.byteOffset(groupElement("c_cflag"));

    public static long c_cflag$offset() { return c_cflag$OFFSET; }

    public static int c_cflag(MemorySegment struct) { return struct.get(c_cflag$LAYOUT, c_cflag$OFFSET); }

    public static void c_cflag(MemorySegment struct, int value) { struct.set(c_cflag$LAYOUT, c_cflag$OFFSET, value); }

    private static final ValueLayout.OfInt c_lflag$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("c_lflag"));
    private static final long c_lflag$OFFSET = LAYOUT.byteOffset(groupElement("c_lflag"));

    public static long c_lflag$offset() { return c_lflag$OFFSET; }

    public static int c_lflag(MemorySegment struct) { return struct.get(c_lflag$LAYOUT, c_lflag$OFFSET); }

    public static void c_lflag(MemorySegment struct, int value) { struct.set(c_lflag$LAYOUT, c_lflag$OFFSET, value); }

    private static final ValueLayout.OfByte c_line$LAYOUT = (ValueLayout.OfByte) LAYOUT.select(groupElement("c_line"));
    private static final long c_line$OFFSET = LAYOUT.byteOffset(groupElement("c_line"));

    public static long c_line$offset() { return c_line$OFFSET; }

    public static byte c_line(MemorySegment struct) { return struct.get(c_line$LAYOUT, c_line$OFFSET); }

    public static void c_line(MemorySegment struct, byte value) { struct.set(c_line$LAYOUT, c_line$OFFSET, value); }

    private static final ValueLayout.OfInt c_ispeed$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("c_ispeed"));
    private static final long c_ispeed$OFFSET = LAYOUT.byteOffset(groupElement("c_ispeed"));

    public static long c_ispeed$offset() { return c_ispeed$OFFSET; }

    public static int c_ispeed(MemorySegment struct) { return struct.get(c_ispeed$LAYOUT, c_ispeed$OFFSET); }

    public static void c_ispeed(MemorySegment struct, int value) { struct.set(c_ispeed$LAYOUT, c_ispeed$OFFSET, value); }

    private static final ValueLayout.OfInt c_ospeed$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("c_ospeed"));
    private static final long c_ospeed$OFFSET = LAYOUT.byteOffset(groupElement("c_ospeed"));

    public static long c_ospeed$offset() { return c_ospeed$OFFSET; }

    public static int c_ospeed(MemorySegment struct) { return struct.get(c_ospeed$LAYOUT, c_ospeed$OFFSET); }

    public static void c_ospeed(MemorySegment struct, int value) { struct.set(c_ospeed$LAYOUT, c_ospeed$OFFSET, value); }
}

package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code struct winsize}: a terminal window size, {@code <sys/ioctl.h>}. */
public final class winsize {
    private winsize() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_SHORT.withName("ws_row"),
            C_SHORT.withName("ws_col"),
            C_SHORT.withName("ws_xpixel"),
            C_SHORT.withName("ws_ypixel")).withName("winsize");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfShort ws_row$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("ws_row"));
    private static final long ws_row$OFFSET = LAYOUT.byteOffset(groupElement("ws_row"));

    public static long ws_row$offset() { return ws_row$OFFSET; }

    public static short ws_row(MemorySegment struct) { return struct.get(ws_row$LAYOUT, ws_row$OFFSET); }

    public static void ws_row(MemorySegment struct, short value) { struct.set(ws_row$LAYOUT, ws_row$OFFSET, value); }

    private static final ValueLayout.OfShort ws_col$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("ws_col"));
    private static final long ws_col$OFFSET = LAYOUT.byteOffset(groupElement("ws_col"));

    public static long ws_col$offset() { return ws_col$OFFSET; }

    public static short ws_col(MemorySegment struct) { return struct.get(ws_col$LAYOUT, ws_col$OFFSET); }

    public static void ws_col(MemorySegment struct, short value) { struct.set(ws_col$LAYOUT, ws_col$OFFSET, value); }

    private static final ValueLayout.OfShort ws_xpixel$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("ws_xpixel"));
    private static final long ws_xpixel$OFFSET = LAYOUT.byteOffset(groupElement("ws_xpixel"));

    public static long ws_xpixel$offset() { return ws_xpixel$OFFSET; }

    public static short ws_xpixel(MemorySegment struct) { return struct.get(ws_xpixel$LAYOUT, ws_xpixel$OFFSET); }

    public static void ws_xpixel(MemorySegment struct, short value) { struct.set(ws_xpixel$LAYOUT, ws_xpixel$OFFSET, value); }

    private static final ValueLayout.OfShort ws_ypixel$LAYOUT = (ValueLayout.OfShort) LAYOUT.select(groupElement("ws_ypixel"));
    private static final long ws_ypixel$OFFSET = LAYOUT.byteOffset(groupElement("ws_ypixel"));

    public static long ws_ypixel$offset() { return ws_ypixel$OFFSET; }

    public static short ws_ypixel(MemorySegment struct) { return struct.get(ws_ypixel$LAYOUT, ws_ypixel$OFFSET); }

    public static void ws_ypixel(MemorySegment struct, short value) { struct.set(ws_ypixel$LAYOUT, ws_ypixel$OFFSET, value); }
}

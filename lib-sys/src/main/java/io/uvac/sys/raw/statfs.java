package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code struct statfs}: the result of statfs(2), {@code <sys/statfs.h>} (x86-64 layout). */
public final class statfs {
    private statfs() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_LONG.withName("f_type"),
            C_LONG.withName("f_bsize"),
            C_LONG.withName("f_blocks"),
            C_LONG.withName("f_bfree"),
            C_LONG.withName("f_bavail"),
            C_LONG.withName("f_files"),
            C_LONG.withName("f_ffree"),
            MemoryLayout.paddingLayout(8),
            C_LONG.withName("f_namelen"),
            C_LONG.withName("f_frsize"),
            C_LONG.withName("f_flags"),
            MemoryLayout.paddingLayout(32)).withName("statfs");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfLong f_type$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_type"));
    private static final long f_type$OFFSET = LAYOUT.byteOffset(groupElement("f_type"));

    public static long f_type$offset() { return f_type$OFFSET; }

    public static long f_type(MemorySegment struct) { return struct.get(f_type$LAYOUT, f_type$OFFSET); }

    public static void f_type(MemorySegment struct, long value) { struct.set(f_type$LAYOUT, f_type$OFFSET, value); }

    private static final ValueLayout.OfLong f_bsize$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_bsize"));
    private static final long f_bsize$OFFSET = LAYOUT.byteOffset(groupElement("f_bsize"));

    public static long f_bsize$offset() { return f_bsize$OFFSET; }

    public static long f_bsize(MemorySegment struct) { return struct.get(f_bsize$LAYOUT, f_bsize$OFFSET); }

    public static void f_bsize(MemorySegment struct, long value) { struct.set(f_bsize$LAYOUT, f_bsize$OFFSET, value); }

    private static final ValueLayout.OfLong f_blocks$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_blocks"));
    private static final long f_blocks$OFFSET = LAYOUT.byteOffset(groupElement("f_blocks"));

    public static long f_blocks$offset() { return f_blocks$OFFSET; }

    public static long f_blocks(MemorySegment struct) { return struct.get(f_blocks$LAYOUT, f_blocks$OFFSET); }

    public static void f_blocks(MemorySegment struct, long value) { struct.set(f_blocks$LAYOUT, f_blocks$OFFSET, value); }

    private static final ValueLayout.OfLong f_bfree$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_bfree"));
    private static final long f_bfree$OFFSET = LAYOUT.byteOffset(groupElement("f_bfree"));

    public static long f_bfree$offset() { return f_bfree$OFFSET; }

    public static long f_bfree(MemorySegment struct) { return struct.get(f_bfree$LAYOUT, f_bfree$OFFSET); }

    public static void f_bfree(MemorySegment struct, long value) { struct.set(f_bfree$LAYOUT, f_bfree$OFFSET, value); }

    private static final ValueLayout.OfLong f_bavail$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_bavail"));
    private static final long f_bavail$OFFSET = LAYOUT.byteOffset(groupElement("f_bavail"));

    public static long f_bavail$offset() { return f_bavail$OFFSET; }

    public static long f_bavail(MemorySegment struct) { return struct.get(f_bavail$LAYOUT, f_bavail$OFFSET); }

    public static void f_bavail(MemorySegment struct, long value) { struct.set(f_bavail$LAYOUT, f_bavail$OFFSET, value); }

    private static final ValueLayout.OfLong f_files$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_files"));
    private static final long f_files$OFFSET = LAYOUT.byteOffset(groupElement("f_files"));

    public static long f_files$offset() { return f_files$OFFSET; }

    public static long f_files(MemorySegment struct) { return struct.get(f_files$LAYOUT, f_files$OFFSET); }

    public static void f_files(MemorySegment struct, long value) { struct.set(f_files$LAYOUT, f_files$OFFSET, value); }

    private static final ValueLayout.OfLong f_ffree$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_ffree"));
    private static final long f_ffree$OFFSET = LAYOUT.byteOffset(groupElement("f_ffree"));

    public static long f_ffree$offset() { return f_ffree$OFFSET; }

    public static long f_ffree(MemorySegment struct) { return struct.get(f_ffree$LAYOUT, f_ffree$OFFSET); }

    public static void f_ffree(MemorySegment struct, long value) { struct.set(f_ffree$LAYOUT, f_ffree$OFFSET, value); }

    private static final ValueLayout.OfLong f_namelen$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_namelen"));
    private static final long f_namelen$OFFSET = LAYOUT.byteOffset(groupElement("f_namelen"));

    public static long f_namelen$offset() { return f_namelen$OFFSET; }

    public static long f_namelen(MemorySegment struct) { return struct.get(f_namelen$LAYOUT, f_namelen$OFFSET); }

    public static void f_namelen(MemorySegment struct, long value) { struct.set(f_namelen$LAYOUT, f_namelen$OFFSET, value); }

    private static final ValueLayout.OfLong f_frsize$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_frsize"));
    private static final long f_frsize$OFFSET = LAYOUT.byteOffset(groupElement("f_frsize"));

    public static long f_frsize$offset() { return f_frsize$OFFSET; }

    public static long f_frsize(MemorySegment struct) { return struct.get(f_frsize$LAYOUT, f_frsize$OFFSET); }

    public static void f_frsize(MemorySegment struct, long value) { struct.set(f_frsize$LAYOUT, f_frsize$OFFSET, value); }

    private static final ValueLayout.OfLong f_flags$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("f_flags"));
    private static final long f_flags$OFFSET = LAYOUT.byteOffset(groupElement("f_flags"));

    public static long f_flags$offset() { return f_flags$OFFSET; }

    public static long f_flags(MemorySegment struct) { return struct.get(f_flags$LAYOUT, f_flags$OFFSET); }

    public static void f_flags(MemorySegment struct, long value) { struct.set(f_flags$LAYOUT, f_flags$OFFSET, value); }
}

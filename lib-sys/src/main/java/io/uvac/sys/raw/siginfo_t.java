package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code siginfo_t}: what waitid(2) fills in, {@code <signal.h>}; only the SIGCHLD fields. */
public final class siginfo_t {
    private siginfo_t() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_INT.withName("si_signo"),
            C_INT.withName("si_errno"),
            C_INT.withName("si_code"),
            MemoryLayout.paddingLayout(4),
            C_INT.withName("si_pid"),
            C_INT.withName("si_uid"),
            C_INT.withName("si_status"),
            MemoryLayout.paddingLayout(100)).withName("siginfo_t");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfInt si_signo$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("si_signo"));
    private static final long si_signo$OFFSET = LAYOUT.byteOffset(groupElement("si_signo"));

    public static long si_signo$offset() { return si_signo$OFFSET; }

    public static int si_signo(MemorySegment struct) { return struct.get(si_signo$LAYOUT, si_signo$OFFSET); }

    public static void si_signo(MemorySegment struct, int value) { struct.set(si_signo$LAYOUT, si_signo$OFFSET, value); }

    private static final ValueLayout.OfInt si_errno$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("si_errno"));
    private static final long si_errno$OFFSET = LAYOUT.byteOffset(groupElement("si_errno"));

    public static long si_errno$offset() { return si_errno$OFFSET; }

    public static int si_errno(MemorySegment struct) { return struct.get(si_errno$LAYOUT, si_errno$OFFSET); }

    public static void si_errno(MemorySegment struct, int value) { struct.set(si_errno$LAYOUT, si_errno$OFFSET, value); }

    private static final ValueLayout.OfInt si_code$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("si_code"));
    private static final long si_code$OFFSET = LAYOUT.byteOffset(groupElement("si_code"));

    public static long si_code$offset() { return si_code$OFFSET; }

    public static int si_code(MemorySegment struct) { return struct.get(si_code$LAYOUT, si_code$OFFSET); }

    public static void si_code(MemorySegment struct, int value) { struct.set(si_code$LAYOUT, si_code$OFFSET, value); }

    private static final ValueLayout.OfInt si_pid$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("si_pid"));
    private static final long si_pid$OFFSET = LAYOUT.byteOffset(groupElement("si_pid"));

    public static long si_pid$offset() { return si_pid$OFFSET; }

    public static int si_pid(MemorySegment struct) { return struct.get(si_pid$LAYOUT, si_pid$OFFSET); }

    public static void si_pid(MemorySegment struct, int value) { struct.set(si_pid$LAYOUT, si_pid$OFFSET, value); }

    private static final ValueLayout.OfInt si_uid$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("si_uid"));
    private static final long si_uid$OFFSET = LAYOUT.byteOffset(groupElement("si_uid"));

    public static long si_uid$offset() { return si_uid$OFFSET; }

    public static int si_uid(MemorySegment struct) { return struct.get(si_uid$LAYOUT, si_uid$OFFSET); }

    public static void si_uid(MemorySegment struct, int value) { struct.set(si_uid$LAYOUT, si_uid$OFFSET, value); }

    private static final ValueLayout.OfInt si_status$LAYOUT = (ValueLayout.OfInt) LAYOUT.select(groupElement("si_status"));
    private static final long si_status$OFFSET = LAYOUT.byteOffset(groupElement("si_status"));

    public static long si_status$offset() { return si_status$OFFSET; }

    public static int si_status(MemorySegment struct) { return struct.get(si_status$LAYOUT, si_status$OFFSET); }

    public static void si_status(MemorySegment struct, int value) { struct.set(si_status$LAYOUT, si_status$OFFSET, value); }
}

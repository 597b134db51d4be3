package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@code struct clone_args}: the argument of clone3(2), {@code <linux/sched.h>} (CLONE_ARGS_SIZE_VER2). */
public final class clone_args {
    private clone_args() {}

    private static final GroupLayout LAYOUT = MemoryLayout.structLayout(
            C_LONG.withName("flags"),
            C_LONG.withName("pidfd"),
            C_LONG.withName("child_tid"),
            C_LONG.withName("parent_tid"),
            C_LONG.withName("exit_signal"),
            C_LONG.withName("stack"),
            C_LONG.withName("stack_size"),
            C_LONG.withName("tls"),
            C_LONG.withName("set_tid"),
            C_LONG.withName("set_tid_size"),
            C_LONG.withName("cgroup")).withName("clone_args");

    public static GroupLayout layout() { return LAYOUT; }

    public static long sizeof() { return LAYOUT.byteSize(); }

    public static MemorySegment allocate(Arena arena) { return arena.allocate(LAYOUT); }

    private static final ValueLayout.OfLong flags$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = LAYOUT.byteOffset(groupElement("flags"));

    public static long flags$offset() { return flags$OFFSET; }

    public static long flags(MemorySegment struct) { return struct.get(flags$LAYOUT, flags$OFFSET); }

    public static void flags(MemorySegment struct, long value) { struct.set(flags$LAYOUT, flags$OFFSET, value); }

    private static final ValueLayout.OfLong pidfd$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("pidfd"));
    private static final long pidfd$OFFSET = LAYOUT.byteOffset(groupElement("pidfd"));

    public static long pidfd$offset() { return pidfd$OFFSET; }

    public static long pidfd(MemorySegment struct) { return struct.get(pidfd$LAYOUT, pidfd$OFFSET); }

    public static void pidfd(MemorySegment struct, long value) { struct.set(pidfd$LAYOUT, pidfd$OFFSET, value); }

    private static final ValueLayout.OfLong child_tid$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("child_tid"));
    private static final long child_tid$OFFSET = LAYOUT.byteOffset(groupElement("child_tid"));

    public static long child_tid$offset() { return child_tid$OFFSET; }

    public static long child_tid(MemorySegment struct) { return struct.get(child_tid$LAYOUT, child_tid$OFFSET); }

    public static void child_tid(MemorySegment struct, long value) { struct.set(child_tid$LAYOUT, child_tid$OFFSET, value); }

    private static final ValueLayout.OfLong parent_tid$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("parent_tid"));
    private static final long parent_tid$OFFSET = LAYOUT.byteOffset(groupElement("parent_tid"));

    public static long parent_tid$offset() { return parent_tid$OFFSET; }

    public static long parent_tid(MemorySegment struct) { return struct.get(parent_tid$LAYOUT, parent_tid$OFFSET); }

    public static void parent_tid(MemorySegment struct, long value) { struct.set(parent_tid$LAYOUT, parent_tid$OFFSET, value); }

    private static final ValueLayout.OfLong exit_signal$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("exit_signal"));
    private static final long exit_signal$OFFSET = LAYOUT.byteOffset(groupElement("exit_signal"));

    public static long exit_signal$offset() { return exit_signal$OFFSET; }

    public static long exit_signal(MemorySegment struct) { return struct.get(exit_signal$LAYOUT, exit_signal$OFFSET); }

    public static void exit_signal(MemorySegment struct, long value) { struct.set(exit_signal$LAYOUT, exit_signal$OFFSET, value); }

    private static final ValueLayout.OfLong stack$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("stack"));
    private static final long stack$OFFSET = LAYOUT.byteOffset(groupElement("stack"));

    public static long stack$offset() { return stack$OFFSET; }

    public static long stack(MemorySegment struct) { return struct.get(stack$LAYOUT, stack$OFFSET); }

    public static void stack(MemorySegment struct, long value) { struct.set(stack$LAYOUT, stack$OFFSET, value); }

    private static final ValueLayout.OfLong stack_size$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("stack_size"));
    private static final long stack_size$OFFSET = LAYOUT.byteOffset(groupElement("stack_size"));

    public static long stack_size$offset() { return stack_size$OFFSET; }

    public static long stack_size(MemorySegment struct) { return struct.get(stack_size$LAYOUT, stack_size$OFFSET); }

    public static void stack_size(MemorySegment struct, long value) { struct.set(stack_size$LAYOUT, stack_size$OFFSET, value); }

    private static final ValueLayout.OfLong tls$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("tls"));
    private static final long tls$OFFSET = LAYOUT.byteOffset(groupElement("tls"));

    public static long tls$offset() { return tls$OFFSET; }

    public static long tls(MemorySegment struct) { return struct.get(tls$LAYOUT, tls$OFFSET); }

    public static void tls(MemorySegment struct, long value) { struct.set(tls$LAYOUT, tls$OFFSET, value); }

    private static final ValueLayout.OfLong set_tid$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("set_tid"));
    private static final long set_tid$OFFSET = LAYOUT.byteOffset(groupElement("set_tid"));

    public static long set_tid$offset() { return set_tid$OFFSET; }

    public static long set_tid(MemorySegment struct) { return struct.get(set_tid$LAYOUT, set_tid$OFFSET); }

    public static void set_tid(MemorySegment struct, long value) { struct.set(set_tid$LAYOUT, set_tid$OFFSET, value); }

    private static final ValueLayout.OfLong set_tid_size$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("set_tid_size"));
    private static final long set_tid_size$OFFSET = LAYOUT.byteOffset(groupElement("set_tid_size"));

    public static long set_tid_size$offset() { return set_tid_size$OFFSET; }

    public static long set_tid_size(MemorySegment struct) { return struct.get(set_tid_size$LAYOUT, set_tid_size$OFFSET); }

    public static void set_tid_size(MemorySegment struct, long value) { struct.set(set_tid_size$LAYOUT, set_tid_size$OFFSET, value); }

    private static final ValueLayout.OfLong cgroup$LAYOUT = (ValueLayout.OfLong) LAYOUT.select(groupElement("cgroup"));
    private static final long cgroup$OFFSET = LAYOUT.byteOffset(groupElement("cgroup"));

    public static long cgroup$offset() { return cgroup$OFFSET; }

    public static long cgroup(MemorySegment struct) { return struct.get(cgroup$LAYOUT, cgroup$OFFSET); }

    public static void cgroup(MemorySegment struct, long value) { struct.set(cgroup$LAYOUT, cgroup$OFFSET, value); }
}

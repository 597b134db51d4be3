package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/mount.h>}: flags the spawn plans use and the parent-side calls. */
@SuppressWarnings("unused")
public final class sys_mount_h {
    private sys_mount_h() {}

    public static final long MS_RDONLY = 1L, MS_NOSUID = 2L, MS_NODEV = 4L, MS_NOEXEC = 8L,
            MS_REMOUNT = 32L, MS_NOATIME = 1024L, MS_BIND = 4096L, MS_MOVE = 8192L, MS_REC = 16384L,
            MS_SILENT = 32768L, MS_PRIVATE = 1L << 18, MS_SLAVE = 1L << 19, MS_SHARED = 1L << 20,
            MS_STRICTATIME = 1L << 24;
    public static final int MNT_FORCE = 1, MNT_DETACH = 2;

    private static final class mount$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("mount", DESC);
    }

    /** {@code int mount(const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data)}; see mount(2). The first argument receives errno. */
    public static FunctionDescriptor mount$descriptor() { return mount$.DESC; }

    public static MethodHandle mount$handle() { return mount$.HANDLE; }

    /** {@code int mount(const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data)} */
    public static int mount(MemorySegment errno, MemorySegment source, MemorySegment target, MemorySegment filesystemtype, long mountflags, MemorySegment data) {
        try {
            return (int) mount$.HANDLE.invokeExact(errno, source, target, filesystemtype, mountflags, data);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class umount2$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("umount2", DESC);
    }

    /** {@code int umount2(const char *target, int flags)}; see umount(2). The first argument receives errno. */
    public static FunctionDescriptor umount2$descriptor() { return umount2$.DESC; }

    public static MethodHandle umount2$handle() { return umount2$.HANDLE; }

    /** {@code int umount2(const char *target, int flags)} */
    public static int umount2(MemorySegment errno, MemorySegment target, int flags) {
        try {
            return (int) umount2$.HANDLE.invokeExact(errno, target, flags);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}

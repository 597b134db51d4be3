package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/statfs.h>} and the filesystem magics of {@code <linux/magic.h>}. */
@SuppressWarnings("unused")
public final class sys_statfs_h {
    private sys_statfs_h() {}

    public static final long CGROUP_SUPER_MAGIC = 0x27e0ebL, CGROUP2_SUPER_MAGIC = 0x63677270L,
            TMPFS_MAGIC = 0x01021994L, PROC_SUPER_MAGIC = 0x9fa0L, NSFS_MAGIC = 0x6e736673L;

    private static final class statfs$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("statfs", DESC);
    }

    /** {@code int statfs(const char *path, struct statfs *buf)}; see statfs(2). The first argument receives errno. */
    public static FunctionDescriptor statfs$descriptor() { return statfs$.DESC; }

    public static MethodHandle statfs$handle() { return statfs$.HANDLE; }

    /** {@code int statfs(const char *path, struct statfs *buf)} */
    public static int statfs(MemorySegment errno, MemorySegment path, MemorySegment buf) {
        try {
            return (int) statfs$.HANDLE.invokeExact(errno, path, buf);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}

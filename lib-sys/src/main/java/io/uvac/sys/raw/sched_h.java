package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sched.h>} and {@code <linux/sched.h>}: namespace flags, unshare, setns. */
@SuppressWarnings("unused")
public final class sched_h {
    private sched_h() {}

    public static final long CLONE_VM = 0x00000100L, CLONE_FS = 0x00000200L, CLONE_FILES = 0x00000400L,
            CLONE_SIGHAND = 0x00000800L, CLONE_PIDFD = 0x00001000L, CLONE_VFORK = 0x00004000L,
            CLONE_PARENT = 0x00008000L, CLONE_THREAD = 0x00010000L, CLONE_NEWNS = 0x00020000L,
            CLONE_NEWCGROUP = 0x02000000L, CLONE_NEWUTS = 0x04000000L, CLONE_NEWIPC = 0x08000000L,
            CLONE_NEWUSER = 0x10000000L, CLONE_NEWPID = 0x20000000L, CLONE_NEWNET = 0x40000000L,
            CLONE_CLEAR_SIGHAND = 0x100000000L, CLONE_INTO_CGROUP = 0x200000000L;

    private static final class unshare$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("unshare", DESC);
    }

    /** {@code int unshare(int flags)}; see unshare(2). The first argument receives errno. */
    public static FunctionDescriptor unshare$descriptor() { return unshare$.DESC; }

    public static MethodHandle unshare$handle() { return unshare$.HANDLE; }

    /** {@code int unshare(int flags)} */
    public static int unshare(MemorySegment errno, int flags) {
        try {
            return (int) unshare$.HANDLE.invokeExact(errno, flags);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }

    private static final class setns$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("setns", DESC);
    }

    /** {@code int setns(int fd, int nstype)}; see setns(2). The first argument receives errno. */
    public static FunctionDescriptor setns$descriptor() { return setns$.DESC; }

    public static MethodHandle setns$handle() { return setns$.HANDLE; }

    /** {@code int setns(int fd, int nstype)} */
    public static int setns(MemorySegment errno, int fd, int nstype) {
        try {
            return (int) setns$.HANDLE.invokeExact(errno, fd, nstype);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}

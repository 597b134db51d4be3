package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Bindings for {@code <sys/wait.h>}: waitid on pidfds. */
@SuppressWarnings("unused")
public final class sys_wait_h {
    private sys_wait_h() {}

    public static final int P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3;
    public static final int WNOHANG = 1, WSTOPPED = 2, WEXITED = 4, WCONTINUED = 8, WNOWAIT = 0x01000000;
    /** {@code si_code} values for SIGCHLD. */
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_TRAPPED = 4, CLD_STOPPED = 5,
            CLD_CONTINUED = 6;

    private static final class waitid$ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = NativeLib.downcallErrno("waitid", DESC);
    }

    /** {@code int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options)}; see waitid(2). The first argument receives errno. */
    public static FunctionDescriptor waitid$descriptor() { return waitid$.DESC; }

    public static MethodHandle waitid$handle() { return waitid$.HANDLE; }

    /** {@code int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options)} */
    public static int waitid(MemorySegment errno, int idtype, int id, MemorySegment infop, int options) {
        try {
            return (int) waitid$.HANDLE.invokeExact(errno, idtype, id, infop, options);
        } catch (Throwable t) {
            throw NativeLib.unexpected(t);
        }
    }
}

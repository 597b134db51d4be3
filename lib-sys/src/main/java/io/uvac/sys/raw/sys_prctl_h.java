package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Constants of {@code <sys/prctl.h>} that spawn plans use. */
@SuppressWarnings("unused")
public final class sys_prctl_h {
    private sys_prctl_h() {}

    public static final int PR_SET_PDEATHSIG = 1, PR_SET_NAME = 15, PR_SET_NO_NEW_PRIVS = 38,
            PR_SET_CHILD_SUBREAPER = 36;
}

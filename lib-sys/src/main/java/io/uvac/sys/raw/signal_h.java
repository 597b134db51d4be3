package io.uvac.sys.raw;

import static io.uvac.sys.raw.NativeLib.*;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Signal numbers of {@code <signal.h>} (x86-64 and asm-generic) and the sigprocmask verbs. */
@SuppressWarnings("unused")
public final class signal_h {
    private signal_h() {}

    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20,
            SIGTTIN = 21, SIGTTOU = 22, SIGWINCH = 28;
    public static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    /** The kernel's sigset size (rt_sigprocmask's last argument), not glibc's 128-byte sigset_t. */
    public static final int KERNEL_SIGSET_SIZE = 8;
    /**
     * Size of the kernel's {@code struct sigaction} ({@code <asm/signal.h>}: handler, flags, restorer, one-word
     * mask), which the raw rt_sigaction takes; all zero is SIG_DFL with no flags. Not glibc's 152-byte struct.
     */
    public static final int KERNEL_SIGACTION_SIZE = 32;
    /** The highest signal number the kernel knows ({@code _NSIG}; glibc's {@code SIGRTMAX} says the same). */
    public static final int KERNEL_NSIG = 64;
}

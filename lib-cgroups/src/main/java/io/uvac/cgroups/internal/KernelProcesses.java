package io.uvac.cgroups.internal;

import io.uvac.sys.Errno;
import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.signal_h;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link Processes} on the real kernel, through {@code /proc} and pidfds. Killing through a pidfd opened for a
 * pid read from a frozen group is race-free: a frozen task cannot exit, so the number cannot be recycled
 * between the read and the signal.
 */
public final class KernelProcesses implements Processes {
    private static final Path PROC = Path.of("/proc");

    @Override
    public ProcessIdentity self() throws IOException {
        long pid = ProcessHandle.current().pid();
        return ProcessIdentity.read(PROC, pid).orElseThrow(() -> new IOException("/proc/" + pid + "/stat is missing"));
    }

    @Override
    public boolean isAlive(ProcessIdentity p) throws IOException {
        return ProcessIdentity.read(PROC, p.pid()).map(now -> now.equals(p)).orElse(false);
    }

    @Override
    public boolean kill(long pid) throws IOException {
        try (Fd pidfd = Posix.pidfdOpen((int) pid)) {
            Posix.pidfdSendSignal(pidfd.get(), signal_h.SIGKILL);
            return true;
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ESRCH) return false;
            throw e;
        }
    }
}

package io.uvac.namespaces;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Errno;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.Posix;
import io.uvac.sys.raw.poll_h;
import io.uvac.sys.raw.siginfo_t;
import io.uvac.sys.raw.signal_h;
import io.uvac.sys.raw.sys_wait_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running container, held through a pidfd: signals and waits can never reach a recycled pid, and the
 * library reaps only its own children (waitid on the pidfd), never the embedding program's.
 *
 * <p>{@link #close()} kills the container if it is still running, reaps it and closes the pidfd, so a
 * try-with-resources block never leaks a process.
 */
public final class ContainerProcess implements AutoCloseable {
    private final int pid;
    private final Fd pidfd;
    private final ReentrantLock reaping = new ReentrantLock();
    private volatile ExitStatus status;

    ContainerProcess(int pid, Fd pidfd) {
        this.pid = pid;
        this.pidfd = pidfd;
    }

    /** The pid in the caller's pid namespace (inside its own namespace the container is pid 1). */
    public int pid() { return pid; }

    /** The exit status once reaped; each container is reaped exactly once. */
    public Optional<ExitStatus> exitStatus() { return Optional.ofNullable(status); }

    public boolean isAlive() throws ErrnoException {
        return waitFor(Duration.ZERO).isEmpty();
    }

    /**
     * Waits up to {@code timeout} for the process to end; empty if it is still running then. Several threads
     * may wait at once (a supervisor, and a stop with a grace period): they all poll the pidfd, and only the
     * reap itself is serialised, so each container is reaped exactly once.
     */
    public Optional<ExitStatus> waitFor(Duration timeout) throws ErrnoException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status == null) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            int revents = Posix.poll(pidfd.get(), poll_h.POLLIN, (int) Math.min(left, Integer.MAX_VALUE));
            if (revents != 0) reap();
            else if (left == 0) break;
        }
        return Optional.ofNullable(status);
    }

    public ExitStatus waitFor() throws ErrnoException {
        while (status == null) {
            if (Posix.poll(pidfd.get(), poll_h.POLLIN, -1) != 0) reap();
        }
        return status;
    }

    /**
     * Completes when the process ends. The wait runs on a daemon platform thread: it blocks in poll(2), which
     * would pin a virtual thread's carrier for the container's whole life.
     */
    public CompletableFuture<ExitStatus> onExit() {
        CompletableFuture<ExitStatus> f = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("uvac-wait-" + pid).start(() -> {
            try {
                f.complete(waitFor());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private void reap() throws ErrnoException {
        reaping.lock();
        try (Arena a = Arena.ofConfined()) {
            if (status != null) return;
            MemorySegment info = siginfo_t.allocate(a);
            if (!Posix.waitid(pidfd.get(), info, sys_wait_h.WEXITED | sys_wait_h.WNOHANG)) return;
            int code = siginfo_t.si_code(info), value = siginfo_t.si_status(info);
            status = code == sys_wait_h.CLD_EXITED ? new ExitStatus.Exited(value)
                    : new ExitStatus.Killed(value, code == sys_wait_h.CLD_DUMPED);
        } finally {
            reaping.unlock();
        }
    }

    /**
     * Sends {@code signal} through the pidfd; does nothing once the process has been reaped. Note that the
     * container's pid 1 ignores signals it has no handler for when they come from outside its namespace
     * (SIGKILL and SIGSTOP excepted).
     */
    public void signal(int signal) throws ErrnoException {
        if (status != null) return;
        try {
            Posix.pidfdSendSignal(pidfd.get(), signal);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ESRCH) throw e; // exited but not yet reaped
        }
    }

    public void kill() throws ErrnoException {
        signal(signal_h.SIGKILL);
    }

    /** Sends {@code signal}, waits up to {@code grace}, then SIGKILL; returns how it ended. */
    public ExitStatus stop(int signal, Duration grace) throws ErrnoException {
        signal(signal);
        Optional<ExitStatus> s = waitFor(grace);
        if (s.isPresent()) return s.get();
        kill();
        return waitFor();
    }

    /** How long {@link #close()} waits for a SIGKILL to take effect. */
    static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /**
     * Kills the process if it still runs, reaps it, and closes the pidfd. A SIGKILL takes effect at once
     * unless the process is frozen (a frozen cgroup) or stuck in the kernel; then this gives up after
     * {@link #KILL_WAIT} with ETIMEDOUT rather than hang, and the process stays this JVM's unreaped child.
     */
    @Override
    public void close() throws ErrnoException {
        if (!pidfd.isOpen()) return;
        try {
            if (status == null) {
                kill();
                if (waitFor(KILL_WAIT).isEmpty())
                    throw ErrnoException.of("close", "pid " + pid + " still alive " + KILL_WAIT.toSeconds()
                            + " s after SIGKILL (frozen cgroup?)", Errno.ETIMEDOUT);
            }
        } finally {
            pidfd.close();
        }
    }

    @Override
    public String toString() {
        return "container pid " + pid + (status == null ? "" : " (" + status + ")");
    }
}

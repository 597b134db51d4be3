package io.uvac.sys.internal;

import static io.uvac.sys.raw.NativeLib.ERRNO_STATE;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Errno;
import io.uvac.sys.Fd;
import io.uvac.sys.raw.NativeLib;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.poll_h;
import io.uvac.sys.raw.pollfd;
import io.uvac.sys.raw.sched_h;
import io.uvac.sys.raw.siginfo_t;
import io.uvac.sys.raw.statfs;
import io.uvac.sys.raw.sys_mount_h;
import io.uvac.sys.raw.sys_stat_h;
import io.uvac.sys.raw.sys_statfs_h;
import io.uvac.sys.raw.sys_syscall_h;
import io.uvac.sys.raw.sys_wait_h;
import io.uvac.sys.raw.unistd_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Checked wrappers over the raw bindings: each turns a failure into an {@link ErrnoException} naming the
 * operation and its arguments, and retries EINTR where the call is restartable. Parent-side only: nothing
 * here may run in a spawned child (see {@code io.uvac.sys.spawn}).
 */
public final class Posix {
    private Posix() {}

    /** Each thread captures errno into its own segment; the arena is freed with the thread's last use. */
    private static final ThreadLocal<MemorySegment> ERRNO = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(ERRNO_STATE));

    public static MemorySegment errnoState() {
        return ERRNO.get();
    }

    private static int errno() {
        return NativeLib.errno(ERRNO.get());
    }

    public static Fd open(String path, int flags, int mode) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path);
            while (true) {
                int fd = fcntl_h.open(ERRNO.get(), p, flags | fcntl_h.O_CLOEXEC, mode);
                if (fd >= 0) return Fd.adopt(fd);
                int e = errno();
                if (e != Errno.EINTR) throw ErrnoException.of("open", path, e);
            }
        }
    }

    public static Fd open(String path, int flags) throws ErrnoException {
        return open(path, flags, 0);
    }

    /** {@code /dev/null} opened read-write, for a container's stdin. */
    public static Fd devNull() throws ErrnoException {
        return open("/dev/null", fcntl_h.O_RDWR);
    }

    /** Closes {@code fd} once, ignoring errors: Linux frees the number even when close reports EINTR. */
    public static void closeRaw(int fd) {
        unistd_h.close(ERRNO.get(), fd);
    }

    public static long read(int fd, MemorySegment buf, long count, String what) throws ErrnoException {
        while (true) {
            long n = unistd_h.read(ERRNO.get(), fd, buf, count);
            if (n >= 0) return n;
            int e = errno();
            if (e != Errno.EINTR) throw ErrnoException.of("read", what, e);
        }
    }

    public static long write(int fd, MemorySegment buf, long count, String what) throws ErrnoException {
        while (true) {
            long n = unistd_h.write(ERRNO.get(), fd, buf, count);
            if (n >= 0) return n;
            int e = errno();
            if (e != Errno.EINTR) throw ErrnoException.of("write", what, e);
        }
    }

    /** Writes all of {@code text} to {@code fd} in one call, as kernel files (cgroupfs, procfs) expect. */
    public static void writeString(int fd, String text, String what) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            MemorySegment buf = a.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
            long n = write(fd, buf, bytes.length, what);
            if (n != bytes.length) throw ErrnoException.of("write", what + " (short write " + n + "/" + bytes.length + ")", Errno.EIO);
        }
    }

    /** Returns {read end, write end}, both O_CLOEXEC. */
    public static Fd[] pipe() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(ValueLayout.JAVA_INT, 2);
            if (unistd_h.pipe2(ERRNO.get(), fds, fcntl_h.O_CLOEXEC) != 0) throw ErrnoException.of("pipe2", errno());
            return new Fd[] {Fd.adopt(fds.getAtIndex(ValueLayout.JAVA_INT, 0)), Fd.adopt(fds.getAtIndex(ValueLayout.JAVA_INT, 1))};
        }
    }

    public static void unshare(long flags) throws ErrnoException {
        if (sched_h.unshare(ERRNO.get(), (int) flags) != 0)
            throw ErrnoException.of("unshare", Flags.clone(flags), errno());
    }

    public static void setns(Fd fd, long nstype) throws ErrnoException {
        if (sched_h.setns(ERRNO.get(), fd.get(), (int) nstype) != 0)
            throw ErrnoException.of("setns", fd + ", " + Flags.clone(nstype), errno());
    }

    public static void mkdir(String path, int mode) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            if (sys_stat_h.mkdir(ERRNO.get(), a.allocateFrom(path), mode) != 0)
                throw ErrnoException.of("mkdir", path, errno());
        }
    }

    public static void mount(String source, String target, String fstype, long flags, String data)
            throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            int rc = sys_mount_h.mount(ERRNO.get(), str(a, source), str(a, target), str(a, fstype), flags, str(a, data));
            if (rc != 0) throw ErrnoException.of("mount", Flags.describeMount(source, target, fstype, flags, data), errno());
        }
    }

    public static void umount2(String target, int flags) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            if (sys_mount_h.umount2(ERRNO.get(), a.allocateFrom(target), flags) != 0)
                throw ErrnoException.of("umount2", target, errno());
        }
    }

    /** {@code statfs(path).f_type}, the filesystem magic. */
    public static long statfsType(String path) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = statfs.allocate(a);
            if (sys_statfs_h.statfs(ERRNO.get(), a.allocateFrom(path), buf) != 0)
                throw ErrnoException.of("statfs", path, errno());
            return statfs.f_type(buf);
        }
    }

    /** Waits up to {@code timeoutMillis} (-1: forever) for {@code events} on {@code fd}; returns revents, 0 on timeout. */
    public static int poll(int fd, short events, int timeoutMillis) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = pollfd.allocate(a);
            pollfd.fd(p, fd);
            pollfd.events(p, events);
            long deadline = timeoutMillis < 0 ? 0 : System.nanoTime() + timeoutMillis * 1_000_000L;
            int wait = timeoutMillis;
            while (true) {
                int n = poll_h.poll(ERRNO.get(), p, 1, wait);
                if (n >= 0) return n == 0 ? 0 : pollfd.revents(p);
                int e = errno();
                if (e != Errno.EINTR) throw ErrnoException.of("poll", "fd " + fd, e);
                if (timeoutMillis >= 0) wait = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            }
        }
    }

    public static Fd pidfdOpen(int pid) throws ErrnoException {
        long rc = unistd_h.syscall6(ERRNO.get(), sys_syscall_h.SYS_pidfd_open, pid, 0, 0, 0, 0, 0);
        if (rc < 0) throw ErrnoException.of("pidfd_open", "pid " + pid, errno());
        return Fd.adopt((int) rc);
    }

    public static void pidfdSendSignal(int pidfd, int signal) throws ErrnoException {
        long rc = unistd_h.syscall6(ERRNO.get(), sys_syscall_h.SYS_pidfd_send_signal, pidfd, signal, 0, 0, 0, 0);
        if (rc < 0) throw ErrnoException.of("pidfd_send_signal", "fd " + pidfd + ", signal " + signal, errno());
    }

    /**
     * {@code waitid(P_PIDFD, pidfd, info, options)}. Returns false when WNOHANG found nothing; {@code info} then
     * has si_pid 0.
     */
    public static boolean waitid(int pidfd, MemorySegment info, int options) throws ErrnoException {
        while (true) {
            siginfo_t.si_pid(info, 0);
            if (sys_wait_h.waitid(ERRNO.get(), sys_wait_h.P_PIDFD, pidfd, info, options) == 0)
                return siginfo_t.si_pid(info) != 0;
            int e = errno();
            if (e != Errno.EINTR) throw ErrnoException.of("waitid", "P_PIDFD fd " + pidfd, e);
        }
    }

    public static String gethostname() throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(256);
            if (unistd_h.gethostname(ERRNO.get(), buf, 255) != 0) throw ErrnoException.of("gethostname", errno());
            return buf.getString(0);
        }
    }

    private static MemorySegment str(Arena a, String s) {
        return s == null ? MemorySegment.NULL : a.allocateFrom(s);
    }
}

package io.uvac.sys;

import io.uvac.sys.internal.Posix;

/**
 * An owned file descriptor. {@link #close()} is idempotent and never retried on EINTR (Linux frees the
 * descriptor anyway); {@link #release()} hands ownership to someone else. uvac opens every fd O_CLOEXEC.
 */
public final class Fd implements AutoCloseable {
    private int fd;

    private Fd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("negative fd " + fd);
        this.fd = fd;
    }

    /** Takes ownership of a raw descriptor. */
    public static Fd adopt(int fd) {
        return new Fd(fd);
    }

    /** The number, for passing to a system call; fails once closed or released. */
    public synchronized int get() {
        if (fd < 0) throw new IllegalStateException("fd already closed");
        return fd;
    }

    public synchronized boolean isOpen() {
        return fd >= 0;
    }

    /** Gives the number up without closing it; this object is closed afterwards. */
    public synchronized int release() {
        int n = get();
        fd = -1;
        return n;
    }

    @Override
    public void close() {
        int n;
        synchronized (this) {
            n = fd;
            fd = -1;
        }
        if (n >= 0) Posix.closeRaw(n);
    }

    @Override
    public synchronized String toString() {
        return fd >= 0 ? "fd " + fd : "fd (closed)";
    }
}

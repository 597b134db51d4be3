package io.uvac.sys.internal;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.raw.fcntl_h;
import io.uvac.sys.raw.sched_h;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work that must happen inside another namespace runs on a fresh platform thread that enters it and then
 * ends. Namespaces belong to OS threads: a virtual thread may change carriers between two downcalls, and a
 * pooled thread would carry the namespace into unrelated work. A thread that ends needs no setns back.
 * Only namespaces a single thread may join (net, uts, ipc) work this way; mount needs an unshared fs.
 */
public final class NamespaceThreads {
    private NamespaceThreads() {}

    /** Creates a network namespace and returns an fd that keeps it alive; nothing is running in it. */
    public static Fd newNetworkNamespace() throws ErrnoException {
        return newNetworkNamespace(() -> null).netns();
    }

    /**
     * Creates a network namespace and runs {@code inside} in it on the same thread, before the thread ends: one
     * thread instead of a second that would setns into it later, for work that must be born inside (a netlink
     * socket belongs for life to the namespace it was created in). If {@code inside} fails, the namespace is
     * released.
     */
    public static <T> NewNetworkNamespace<T> newNetworkNamespace(Callable<T> inside) throws ErrnoException {
        return run(() -> {
            Posix.unshare(sched_h.CLONE_NEWNET);
            Fd netns = Posix.open("/proc/thread-self/ns/net", fcntl_h.O_RDONLY);
            try {
                return new NewNetworkNamespace<>(netns, inside.call());
            } catch (Throwable t) {
                netns.close();
                throw t;
            }
        });
    }

    /** A namespace's fd and what was made inside it; closing closes both (what was made first, if closeable). */
    public record NewNetworkNamespace<T>(Fd netns, T made) implements AutoCloseable {
        @Override
        public void close() {
            if (made instanceof AutoCloseable c) closeQuietly(c);
            netns.close();
        }
    }

    /** Runs {@code body} on a new platform thread that first joins the namespace {@code nsFd} of type {@code nstype}. */
    public static <T> T call(Fd nsFd, long nstype, Callable<T> body) throws ErrnoException {
        return run(() -> {
            Posix.setns(nsFd, nstype);
            return body.call();
        });
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort on an abandoned result
        }
    }

    private static <T> T run(Callable<T> body) throws ErrnoException {
        FutureTask<T> task = new FutureTask<>(body);
        Thread.ofPlatform().name("uvac-ns").daemon(true).start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            // The task cannot be abandoned: it may be creating an fd. Wait for it, release what it made.
            boolean interrupted = true;
            while (true) {
                try {
                    T result = task.get();
                    if (result instanceof AutoCloseable c) closeQuietly(c);
                    break;
                } catch (InterruptedException again) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    break;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working in a namespace", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ErrnoException ee) throw ee;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c.getMessage(), c);
        }
    }
}

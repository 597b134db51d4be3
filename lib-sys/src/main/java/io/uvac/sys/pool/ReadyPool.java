package io.uvac.sys.pool;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps up to {@code size} items ready, made on one background platform thread, so the caller's
 * {@link #take()} costs a queue poll instead of the making. The shared core of lib-netlink's pool of network
 * namespaces and lib-cgroups' pool of groups; each adds its own naming and sweeping.
 *
 * <p>A platform thread because what it makes may be tied to its OS thread (a network namespace is created by
 * unsharing one). A make that throws an exception is retried with a growing pause (10 ms to 1 s); while the
 * pool is empty and the last make failed, {@link #take()} fails with that cause rather than waiting for ever.
 * An {@link Error} other than an AssertionError ends the refill thread (takers then see it as the cause).
 * {@link #close()} stops the thread and disposes of what was not taken; an item finished after close is
 * disposed of too.
 */
public final class ReadyPool<T> implements AutoCloseable {
    /** Makes one item; runs on the refill thread. */
    @FunctionalInterface
    public interface Maker<T> {
        T make() throws Exception;
    }

    /** Releases an item that was never handed out. */
    @FunctionalInterface
    public interface Disposer<T> {
        void dispose(T item) throws IOException;
    }

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int size;
    private final Maker<T> maker;
    private final Disposer<T> disposer;
    private final ArrayDeque<T> ready = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Thread refiller;
    private boolean started;
    private boolean closed;
    private Throwable lastFailure;
    private IOException lateDisposal;
    private long prepared;

    /** Not started yet: {@link #start()} begins the refill. */
    public ReadyPool(String threadName, int size, Maker<T> maker, Disposer<T> disposer) {
        if (size < 1) throw new IllegalArgumentException("pool size " + size + " must be at least 1");
        this.size = size;
        this.maker = Objects.requireNonNull(maker, "maker");
        this.disposer = Objects.requireNonNull(disposer, "disposer");
        this.refiller = Thread.ofPlatform().daemon(true).name(threadName).unstarted(this::refill);
    }

    public void start() {
        lock.lock();
        try {
            if (started || closed) throw new IllegalStateException(closed ? "the pool is closed" : "already started");
            started = true;
        } finally {
            lock.unlock();
        }
        refiller.start();
    }

    public int size() {
        return size;
    }

    /** How many items are ready now. */
    public int ready() {
        lock.lock();
        try {
            return ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many items the refill thread has made so far. */
    public long prepared() {
        lock.lock();
        try {
            return prepared;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A ready item, waiting for the refill thread if none is. The caller owns it.
     *
     * @throws IllegalStateException the pool is closed, or empty while its last make failed (the cause)
     */
    public T take() throws InterruptedException {
        return take(null).orElseThrow();
    }

    /** Like {@link #take()}, but empty when nothing is ready within {@code timeout} (null: no limit). */
    public Optional<T> take(Duration timeout) throws InterruptedException {
        long left = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) throw new IllegalStateException("the pool is closed");
                T item = ready.poll();
                if (item != null) {
                    notFull.signal();
                    return Optional.of(item);
                }
                if (lastFailure != null)
                    throw new IllegalStateException("nothing ready: refilling fails: " + lastFailure.getMessage(), lastFailure);
                if (timeout == null) notEmpty.await();
                else if (left <= 0) return Optional.empty();
                else left = notEmpty.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private void refill() {
        long backoff = 0;
        while (true) {
            lock.lock();
            try {
                if (backoff > 0 && !closed) notFull.awaitNanos(backoff); // a pause after a failed make
                while (!closed && ready.size() >= size) notFull.await();
                if (closed) return;
            } catch (InterruptedException e) {
                return; // only close() would have a reason to stop us, and it sets closed first
            } finally {
                lock.unlock();
            }
            try {
                T item = maker.make();
                lock.lock();
                try {
                    if (!closed) {
                        ready.add(item);
                        prepared++;
                        lastFailure = null;
                        notEmpty.signal();
                        item = null;
                    }
                } finally {
                    lock.unlock();
                }
                if (item != null) {
                    disposeLate(item);
                    return;
                }
                backoff = 0;
            } catch (Throwable t) {
                lock.lock();
                try {
                    lastFailure = t;
                    notEmpty.signalAll(); // waiting takers fail now rather than hang
                } finally {
                    lock.unlock();
                }
                if (t instanceof Error e && !(t instanceof AssertionError)) throw e;
                backoff = Math.min(MAX_BACKOFF_NANOS, Math.max(MIN_BACKOFF_NANOS, 2 * backoff));
            }
        }
    }

    private void disposeLate(T item) {
        try {
            disposer.dispose(item);
        } catch (IOException | RuntimeException e) {
            lock.lock();
            try {
                lateDisposal = e instanceof IOException io ? io : new IOException(e);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Stops the refill thread (waiting for a make in flight), then disposes of every item not handed out.
     * Idempotent. Every item is tried; the first failure is thrown with the others suppressed.
     */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (refiller.isAlive()) {
            try {
                refiller.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        IOException failure;
        List<T> left;
        lock.lock();
        try {
            failure = lateDisposal;
            left = new ArrayList<>(ready);
            ready.clear();
        } finally {
            lock.unlock();
        }
        // Outside the lock: disposing can take seconds (a group's kill), and ready() or toString() must not wait.
        for (T item : left) {
            try {
                disposer.dispose(item);
            } catch (IOException | RuntimeException e) {
                IOException io = e instanceof IOException x ? x : new IOException(e);
                if (failure == null) failure = io;
                else failure.addSuppressed(io);
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
    }

    @Override
    public String toString() {
        return "ReadyPool[" + refiller.getName() + ", size " + size + ", ready " + ready() + "]";
    }
}

package io.uvac.cgroups;

import io.uvac.cgroups.internal.GroupName;
import io.uvac.sys.pool.ReadyPool;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps up to {@code size} groups ready, created with the same {@link Resources} and with their spawn
 * descriptors already open, refilled on a background thread. Creating a group and writing its limits costs
 * several hundred microseconds on a host with six v1 hierarchies; taking one costs a queue poll, and its
 * {@link Cgroup#openForSpawn()} returns the descriptors opened in advance.
 *
 * <pre>
 * try (CgroupPool pool = CgroupPool.builder(cgroups).resources(Resources.builder().memory("64M").build())
 *         .size(8).build()) {
 *     Cgroup g = pool.take();                         // the caller owns it: destroy it when the container is gone
 *     try (SpawnAttachment a = g.openForSpawn()) {
 *         ...spawn with a.procsFiles() and a.cgroupDir()...
 *     }
 * }
 * </pre>
 *
 * <p>Groups are named {@code <idPrefix>-<n>} ({@code n} in base 36) under the {@link Cgroups}' parent, so they
 * carry the owner's pid and start time like any other group: if the JVM dies, {@link Cgroups#sweep()} removes
 * them. {@link #close()} stops the refill and destroys the groups not handed out.
 */
public final class CgroupPool implements AutoCloseable {
    /** Bounds the number of groups one pool keeps ready. */
    public static final int MAX_SIZE = 256;

    private final Cgroups cgroups;
    private final Resources resources;
    private final String idPrefix;
    private final AtomicLong next = new AtomicLong();
    private final ReadyPool<Cgroup> pool;

    private CgroupPool(Cgroups cgroups, Resources resources, String idPrefix, int size) {
        this.cgroups = cgroups;
        this.resources = resources;
        this.idPrefix = idPrefix;
        this.pool = new ReadyPool<>("uvac-cgroup-pool", size, this::prepareNext, Cgroup::destroy);
    }

    public static Builder builder(Cgroups cgroups) {
        return new Builder(cgroups);
    }

    private Cgroup prepareNext() throws IOException {
        Cgroup g = cgroups.create(idPrefix + "-" + Long.toString(next.getAndIncrement(), 36), resources);
        try {
            g.preopenForSpawn();
            return g;
        } catch (Throwable e) {
            try {
                g.destroy();
            } catch (Throwable cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** How many groups the pool keeps ready. */
    public int size() {
        return pool.size();
    }

    /** How many are ready now. */
    public int ready() {
        return pool.ready();
    }

    /** How many groups the refill thread has created so far. */
    public long prepared() {
        return pool.prepared();
    }

    public Resources resources() {
        return resources;
    }

    /**
     * A ready group, waiting for the refill thread if none is. The caller owns it and destroys it.
     *
     * @throws IllegalStateException the pool is closed, or empty while its last refill failed (the cause)
     */
    public Cgroup take() throws InterruptedException {
        return pool.take();
    }

    /** Like {@link #take()}, but empty when nothing is ready within {@code timeout}. */
    public Optional<Cgroup> take(Duration timeout) throws InterruptedException {
        return pool.take(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Stops the refill thread and destroys the groups not handed out; taken groups are their holders'.
     * Idempotent. Every group is tried; the first failure is thrown with the others suppressed.
     */
    @Override
    public void close() throws IOException {
        pool.close();
    }

    @Override
    public String toString() {
        return "CgroupPool[" + cgroups.parent() + "/*-" + idPrefix + "-*, size " + size() + ", ready " + ready() + ", " + resources + "]";
    }

    /** Builder: {@code resources} (default none), {@code size} (default 4), {@code idPrefix} (default {@code pool}). */
    public static final class Builder {
        private final Cgroups cgroups;
        private Resources resources = Resources.none();
        private int size = 4;
        private String idPrefix = "pool";

        private Builder(Cgroups cgroups) {
            this.cgroups = Objects.requireNonNull(cgroups, "cgroups");
        }

        /** The limits every group of the pool is created with. */
        public Builder resources(Resources r) {
            this.resources = Objects.requireNonNull(r, "resources");
            return this;
        }

        /** How many groups to keep ready, 1..{@value CgroupPool#MAX_SIZE}. */
        public Builder size(int n) {
            if (n < 1 || n > MAX_SIZE) throw new IllegalArgumentException("pool size " + n + " is outside 1.." + MAX_SIZE);
            this.size = n;
            return this;
        }

        /**
         * Starts each group's id; ids are {@code <idPrefix>-<n>}. Give each pool of one {@link Cgroups} its own
         * prefix: two pools with one prefix would make the same names.
         */
        public Builder idPrefix(String prefix) {
            GroupName.checkId(Objects.requireNonNull(prefix, "prefix") + "-zzzzzzzzzzzz");
            this.idPrefix = prefix;
            return this;
        }

        /**
         * Checks that the host offers what the resources ask for, then starts the refill thread.
         *
         * @throws IllegalArgumentException the resources name CPUs or nodes this host lacks
         * @throws CgroupException          a requested controller is not available on this host
         */
        public CgroupPool build() throws IOException {
            cgroups.check(resources);
            CgroupPool p = new CgroupPool(cgroups, resources, idPrefix, size);
            p.pool.start();
            return p;
        }
    }
}

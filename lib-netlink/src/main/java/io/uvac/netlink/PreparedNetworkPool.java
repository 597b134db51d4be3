package io.uvac.netlink;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.pool.ReadyPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps up to {@code size} {@link PreparedNetwork}s ready and refills on a background platform thread, so a
 * networked container costs clone3 and its plan: creating and wiring a network namespace (a millisecond or
 * more, mostly the kernel's setup_net) happens before the container is asked for.
 *
 * <pre>
 * try (PreparedNetworkPool pool = PreparedNetworkPool.builder().size(8)
 *         .addresses(Ipv4Cidr.parse("10.201.0.0/16")).build()) {
 *     try (PreparedNetwork net = pool.take()) {
 *         ContainerProcess p = Containers.spawn(spec.networkNamespace(net.netns())...build());
 *     }   // the container now holds the namespace; it and its veth go when the container exits
 * }
 * </pre>
 *
 * <p>Names and addresses: host ends are called {@code uvac<pid>-p<n>} ({@code n} in base 36, at most 15
 * characters), so every pool's links carry the owning JVM's pid; network {@code n} gets the {@code n}-th /30
 * of the address range. Indexes are reused round-robin, skipping a name that still exists (a container from
 * an earlier round still running). Give each pool its own range: two pools on one range would hand out the
 * same addresses.
 *
 * <p>Lifetime: {@link #close()} stops the refill thread and closes the namespaces not handed out; with no
 * process in them the kernel removes them and their veths. A JVM that exits without closing the pool leaves
 * nothing either: its fds close and the namespaces go with them. What can stay is the veth of a namespace a
 * container still holds after its JVM died; {@link #sweep} (run by {@link Builder#build()}) deletes pool
 * links whose owner pid no longer runs.
 */
public final class PreparedNetworkPool implements AutoCloseable {
    /** Bounds the number of namespaces (and veth pairs) one pool may hold ready. */
    public static final int MAX_SIZE = 256;
    private static final int IFNAME_MAX = 15;
    private static final Pattern POOL_LINK = Pattern.compile("uvac(\\d+)-p([0-9a-z]+)");

    private final Ipv4Cidr range;
    private final RtNetlink host;
    private final long pid = ProcessHandle.current().pid();
    private final long capacity;
    private final ReadyPool<PreparedNetwork> pool;
    private long nextIndex; // refill thread only

    private PreparedNetworkPool(int size, Ipv4Cidr range, RtNetlink host) {
        this.range = range;
        this.host = host;
        this.capacity = capacity(pid, range);
        if (capacity < 2L * size)
            throw new IllegalArgumentException("address range " + range + " and the names left for pid " + pid + " give "
                    + capacity + " networks; a pool of " + size + " needs at least " + 2 * size);
        // The refill runs on a platform thread: the namespace work it starts must stay on one OS thread.
        this.pool = new ReadyPool<>("uvac-netns-pool", size, this::prepareNext, PreparedNetwork::close);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many networks the pool keeps ready. */
    public int size() { return pool.size(); }

    /** How many are ready now. */
    public int ready() {
        return pool.ready();
    }

    /** How many networks the refill thread has prepared so far. */
    public long prepared() {
        return pool.prepared();
    }

    /**
     * A ready network, waiting for the refill thread if none is. The caller owns it: spawn into it, then close it.
     *
     * @throws IllegalStateException when the pool is closed, or the pool is empty and its last refill failed
     *                               (the cause is the refill's exception)
     */
    public PreparedNetwork take() throws InterruptedException {
        return pool.take();
    }

    /** Like {@link #take()}, but empty when nothing is ready within {@code timeout}. */
    public Optional<PreparedNetwork> take(Duration timeout) throws InterruptedException {
        return pool.take(Objects.requireNonNull(timeout, "timeout"));
    }

    /** The next free index's network; a name still taken (its container still runs) is skipped. */
    private PreparedNetwork prepareNext() throws ErrnoException {
        for (long tries = 0; tries < capacity; tries++) {
            long index = nextIndex;
            nextIndex = (nextIndex + 1) % capacity;
            try {
                return PreparedNetwork.create(host, vethName(pid, index), range.subnet(30, index));
            } catch (ErrnoException.AlreadyExists taken) {
                // the host end of an earlier round is still alive; try the next index
            }
        }
        throw new IllegalStateException("all " + capacity + " pool names for pid " + pid + " are in use");
    }

    /** {@code uvac<pid>-p<index in base 36>}. */
    static String vethName(long pid, long index) {
        return prefix(pid) + Long.toString(index, 36);
    }

    private static String prefix(long pid) {
        return "uvac" + pid + "-p";
    }

    /** Networks a pool can cycle through: /30s in the range, and names the base-36 suffix can still spell. */
    static long capacity(long pid, Ipv4Cidr range) {
        int digits = IFNAME_MAX - prefix(pid).length();
        long names = digits <= 0 ? 0 : (long) Math.min(Math.pow(36, digits), Long.MAX_VALUE);
        long subnets = range.prefixLength() > 30 ? 0 : range.size() / 4;
        return Math.min(names, subnets);
    }

    /**
     * Deletes pool links (named {@code uvac<pid>-p<n>}) in {@code host}'s namespace whose owner pid no longer
     * runs; returns their names. A namespace only lives while a process or an fd holds it, so a link is all a
     * dead pool can leave behind, and only when an orphaned container still holds its namespace: deleting the
     * host end removes that container's network too.
     *
     * <p>Equivalent to: {@code ip link del uvac<dead pid>-p<n>} for each such link.
     */
    public static List<String> sweep(RtNetlink host) throws ErrnoException {
        List<String> removed = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        for (Link link : host.links()) {
            Matcher m = POOL_LINK.matcher(link.name());
            if (!m.matches()) continue;
            long owner;
            try {
                owner = Long.parseLong(m.group(1));
            } catch (NumberFormatException notAPid) {
                continue;
            }
            if (owner == self || ProcessHandle.of(owner).isPresent()) continue;
            try {
                host.linkDel(link.index());
                removed.add(link.name());
            } catch (ErrnoException.NotFound gone) {
                // went with its namespace meanwhile
            }
        }
        return removed;
    }

    /**
     * Stops the refill thread, closes the networks not handed out (the kernel then removes them and their
     * veths) and the netlink client. Networks already taken are their holders' to close. Idempotent.
     */
    @Override
    public void close() {
        try {
            pool.close();
        } catch (IOException e) {
            // PreparedNetwork.close throws nothing checked; this is a RuntimeException of it, wrapped by ReadyPool.
            throw new UncheckedIOException(e);
        } finally {
            host.close();
        }
    }

    @Override
    public String toString() {
        return "PreparedNetworkPool[size " + size() + ", ready " + ready() + ", range " + range + "]";
    }

    /** Builder: {@code size} (default 4), {@code addresses} (required), {@code hostNamespace} (default: the caller's). */
    public static final class Builder {
        private int size = 4;
        private Ipv4Cidr range;
        private Fd hostNamespace;

        private Builder() {}

        /** How many networks to keep ready, 1..{@value PreparedNetworkPool#MAX_SIZE}. */
        public Builder size(int n) {
            if (n < 1 || n > MAX_SIZE) throw new IllegalArgumentException("pool size " + n + " is outside 1.." + MAX_SIZE);
            this.size = n;
            return this;
        }

        /** The range the /30s come from, e.g. {@code 10.201.0.0/16}; no other pool or user should share it. */
        public Builder addresses(Ipv4Cidr range) {
            this.range = Objects.requireNonNull(range, "range").network();
            return this;
        }

        /** Where the host ends go (an fd of a network namespace); default: the namespace of the thread calling build(). */
        public Builder hostNamespace(Fd netns) {
            this.hostNamespace = Objects.requireNonNull(netns, "netns");
            return this;
        }

        /** Sweeps stale pool links there, then starts the refill thread; the first network is ready milliseconds later. */
        public PreparedNetworkPool build() throws ErrnoException {
            if (range == null) throw new IllegalStateException("addresses(range) is required");
            RtNetlink host = hostNamespace == null ? RtNetlink.open() : RtNetlink.openIn(hostNamespace);
            try {
                sweep(host);
                PreparedNetworkPool pool = new PreparedNetworkPool(size, range, host);
                pool.pool.start();
                return pool;
            } catch (ErrnoException | RuntimeException e) {
                host.close();
                throw e;
            }
        }
    }
}

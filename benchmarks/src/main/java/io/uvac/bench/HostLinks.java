package io.uvac.bench;

import io.uvac.netlink.Ipv4Cidr;

/**
 * Names and /30s for the veths benchmarks create in the host's namespace: {@code uvac<pid><kind><n>} (n in
 * base 36, within the 15 characters a link name may have) so a leak check and a sweep recognise them, and
 * the n-th /30 of a range no one else here uses. Indexes cycle: a link of an earlier cycle is long gone (the
 * kernel removes it a few milliseconds after its namespace dies).
 */
final class HostLinks {
    private final String prefix;
    private final Ipv4Cidr range;
    private final long cycle;
    private long next;

    /** {@code kind}: one letter per benchmark, so two benchmarks never compete for a name. */
    HostLinks(char kind, Ipv4Cidr range) {
        this.prefix = "uvac" + ProcessHandle.current().pid() + kind;
        this.range = range;
        long names = (long) Math.pow(36, 15 - prefix.length());
        this.cycle = Math.min(names, range.size() / 4);
        if (cycle < 64) throw new IllegalStateException("only " + cycle + " names/subnets for prefix " + prefix + " in " + range);
    }

    /** Advances to the next name and subnet. */
    void advance() {
        next = (next + 1) % cycle;
    }

    String name() {
        return prefix + Long.toString(next, 36);
    }

    Ipv4Cidr subnet() {
        return range.subnet(30, next);
    }
}

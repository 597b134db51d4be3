package io.uvac.sys.raw;

/**
 * Interface flags of {@code <net/if.h>} ({@code ifi_flags} of RTM_*LINK) and {@code <linux/if.h>}'s
 * IFF_LOWER_UP, which glibc's header lacks.
 */
public final class net_if_h {
    private net_if_h() {}

    public static final int IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_DEBUG = 0x4, IFF_LOOPBACK = 0x8,
            IFF_POINTOPOINT = 0x10, IFF_NOTRAILERS = 0x20, IFF_RUNNING = 0x40, IFF_NOARP = 0x80,
            IFF_PROMISC = 0x100, IFF_ALLMULTI = 0x200, IFF_MASTER = 0x400, IFF_SLAVE = 0x800,
            IFF_MULTICAST = 0x1000, IFF_PORTSEL = 0x2000, IFF_AUTOMEDIA = 0x4000, IFF_DYNAMIC = 0x8000,
            IFF_LOWER_UP = 0x10000;

    /** Interface names hold at most {@code IFNAMSIZ - 1} bytes and a NUL. */
    public static final int IFNAMSIZ = 16;
}

package io.uvac.netlink;

import java.net.Inet4Address;
import java.util.Optional;

/**
 * An IPv4 route of the main table, as {@code ip -4 route show table main} lists it.
 *
 * @param destination the destination network and prefix length ({@code RTA_DST}, {@code rtm_dst_len});
 *                    {@code 0.0.0.0/0} for the default route
 * @param gateway     the next hop ({@code RTA_GATEWAY}); empty for directly connected routes, and for multipath
 *                    routes, whose hops this record does not list
 * @param oif         the output interface's ifindex ({@code RTA_OIF}); 0 when none, as for blackhole routes
 */
public record Route(Ipv4Cidr destination, Optional<Inet4Address> gateway, int oif) {
    /** True for {@code 0.0.0.0/0}. */
    public boolean isDefault() {
        return destination.prefixLength() == 0;
    }
}

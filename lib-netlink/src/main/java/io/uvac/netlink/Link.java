package io.uvac.netlink;

import java.util.Optional;

/**
 * A network interface as RTM_NEWLINK describes it; what {@code ip -d link show} prints in part.
 *
 * @param index the ifindex, unique within the link's network namespace
 * @param name  the interface name ({@code IFLA_IFNAME})
 * @param flags {@code ifi_flags}: {@code IFF_UP}, {@code IFF_LOOPBACK}, {@code IFF_LOWER_UP}, ...
 * @param up    whether {@code IFF_UP} is set (administratively up; the carrier may still be down)
 * @param kind  the link kind of {@code IFLA_INFO_KIND}, e.g. {@code "veth"}; empty for devices without one, like lo
 * @param mtu   {@code IFLA_MTU}
 */
public record Link(int index, String name, int flags, boolean up, Optional<String> kind, int mtu) {}

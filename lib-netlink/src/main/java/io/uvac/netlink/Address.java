package io.uvac.netlink;

/**
 * An IPv4 address assigned to an interface, as {@code ip -4 addr show} lists it.
 *
 * @param index   the ifindex of the interface holding it
 * @param address the local address ({@code IFA_LOCAL}) with its prefix length, e.g. {@code 10.200.1.1/30}
 * @param label   {@code IFA_LABEL}: the interface name, or an alias like {@code eth0:1}
 */
public record Address(int index, Ipv4Cidr address, String label) {}

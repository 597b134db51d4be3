/**
 * uvac's rtnetlink client: veth pairs, links, IPv4 addresses and routes in chosen network namespaces.
 * Public: {@link io.uvac.netlink.RtNetlink}, its records and {@link io.uvac.netlink.NetlinkException}. The wire
 * format (writer, readers, socket) lives in {@code io.uvac.netlink.internal}, which is not exported.
 */
module io.uvac.netlink {
    // Transitive: the API takes Fd and throws ErrnoException.
    requires transitive io.uvac.sys;

    exports io.uvac.netlink;
}

package io.uvac.sys.raw;

/**
 * Link attribute constants of {@code <linux/if_link.h>} and {@code <linux/veth.h>}: the attributes of
 * RTM_*LINK messages after the {@code struct ifinfomsg}.
 */
public final class linux_if_link_h {
    private linux_if_link_h() {}

    public static final int IFLA_UNSPEC = 0, IFLA_ADDRESS = 1, IFLA_BROADCAST = 2, IFLA_IFNAME = 3, IFLA_MTU = 4,
            IFLA_LINK = 5, IFLA_QDISC = 6, IFLA_STATS = 7, IFLA_MASTER = 10, IFLA_TXQLEN = 13,
            IFLA_OPERSTATE = 16, IFLA_LINKMODE = 17, IFLA_LINKINFO = 18, IFLA_NET_NS_PID = 19, IFLA_IFALIAS = 20,
            IFLA_STATS64 = 23, IFLA_AF_SPEC = 26, IFLA_GROUP = 27, IFLA_NET_NS_FD = 28, IFLA_EXT_MASK = 29,
            IFLA_PROMISCUITY = 30, IFLA_NUM_TX_QUEUES = 31, IFLA_NUM_RX_QUEUES = 32, IFLA_CARRIER = 33,
            IFLA_LINK_NETNSID = 37, IFLA_IF_NETNSID = 46, IFLA_TARGET_NETNSID = 46, IFLA_NEW_IFINDEX = 49,
            IFLA_MIN_MTU = 50, IFLA_MAX_MTU = 51, IFLA_ALT_IFNAME = 53;

    // IFLA_LINKINFO nested attributes
    public static final int IFLA_INFO_UNSPEC = 0, IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_XSTATS = 3,
            IFLA_INFO_SLAVE_KIND = 4, IFLA_INFO_SLAVE_DATA = 5;

    // IFLA_INFO_DATA of kind "veth" (<linux/veth.h>)
    public static final int VETH_INFO_UNSPEC = 0, VETH_INFO_PEER = 1;

    // IFLA_OPERSTATE values (RFC 2863)
    public static final int IF_OPER_UNKNOWN = 0, IF_OPER_NOTPRESENT = 1, IF_OPER_DOWN = 2,
            IF_OPER_LOWERLAYERDOWN = 3, IF_OPER_TESTING = 4, IF_OPER_DORMANT = 5, IF_OPER_UP = 6;
}

package io.uvac.sys.raw;

/**
 * Constants and function-like macros of {@code <linux/netlink.h>}; see netlink(7). The macros take and return
 * {@code int} lengths, like the C ones.
 */
public final class linux_netlink_h {
    private linux_netlink_h() {}

    /** Netlink protocol of rtnetlink(7): links, addresses, routes. */
    public static final int NETLINK_ROUTE = 0;

    // nlmsg_flags, common to every request
    public static final int NLM_F_REQUEST = 0x01, NLM_F_MULTI = 0x02, NLM_F_ACK = 0x04, NLM_F_ECHO = 0x08,
            NLM_F_DUMP_INTR = 0x10, NLM_F_DUMP_FILTERED = 0x20;
    // nlmsg_flags of GET requests
    public static final int NLM_F_ROOT = 0x100, NLM_F_MATCH = 0x200, NLM_F_ATOMIC = 0x400,
            NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    // nlmsg_flags of NEW requests
    public static final int NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400, NLM_F_APPEND = 0x800;
    // nlmsg_flags of DELETE requests
    public static final int NLM_F_NONREC = 0x100, NLM_F_BULK = 0x200;
    // nlmsg_flags of NLMSG_ERROR replies
    public static final int NLM_F_CAPPED = 0x100, NLM_F_ACK_TLVS = 0x200;

    // nlmsg_type values below NLMSG_MIN_TYPE are control messages
    public static final int NLMSG_NOOP = 0x1, NLMSG_ERROR = 0x2, NLMSG_DONE = 0x3, NLMSG_OVERRUN = 0x4,
            NLMSG_MIN_TYPE = 0x10;

    public static final int NLMSG_ALIGNTO = 4;
    /** {@code NLMSG_ALIGN(sizeof(struct nlmsghdr))} */
    public static final int NLMSG_HDRLEN = 16;

    // setsockopt(SOL_NETLINK, ...) options
    public static final int NETLINK_ADD_MEMBERSHIP = 1, NETLINK_DROP_MEMBERSHIP = 2, NETLINK_PKTINFO = 3,
            NETLINK_BROADCAST_ERROR = 4, NETLINK_NO_ENOBUFS = 5, NETLINK_LISTEN_ALL_NSID = 8,
            NETLINK_LIST_MEMBERSHIPS = 9, NETLINK_CAP_ACK = 10, NETLINK_EXT_ACK = 11, NETLINK_GET_STRICT_CHK = 12;

    // enum nlmsgerr_attrs: the extended-ack attributes after struct nlmsgerr
    public static final int NLMSGERR_ATTR_UNUSED = 0, NLMSGERR_ATTR_MSG = 1, NLMSGERR_ATTR_OFFS = 2,
            NLMSGERR_ATTR_COOKIE = 3, NLMSGERR_ATTR_POLICY = 4, NLMSGERR_ATTR_MISS_TYPE = 5,
            NLMSGERR_ATTR_MISS_NEST = 6;

    // struct nlattr (= struct rtattr) type bits
    public static final int NLA_F_NESTED = 1 << 15, NLA_F_NET_BYTEORDER = 1 << 14,
            NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
    public static final int NLA_ALIGNTO = 4;
    /** {@code NLA_ALIGN(sizeof(struct nlattr))} */
    public static final int NLA_HDRLEN = 4;

    /** {@code NLMSG_ALIGN(len)}: {@code len} rounded up to the 4-byte message alignment. */
    public static int NLMSG_ALIGN(int len) { return (len + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1); }

    /** {@code NLMSG_LENGTH(len)}: the {@code nlmsg_len} of a message with {@code len} payload bytes. */
    public static int NLMSG_LENGTH(int len) { return len + NLMSG_HDRLEN; }

    /** {@code NLMSG_SPACE(len)}: the bytes a message with {@code len} payload bytes occupies, padding included. */
    public static int NLMSG_SPACE(int len) { return NLMSG_ALIGN(NLMSG_LENGTH(len)); }

    /** {@code NLA_ALIGN(len)} */
    public static int NLA_ALIGN(int len) { return (len + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1); }
}

package io.uvac.sys.raw;

/**
 * Constants and function-like macros of {@code <linux/rtnetlink.h>}: message types, route attributes and
 * route properties; see rtnetlink(7).
 */
public final class linux_rtnetlink_h {
    private linux_rtnetlink_h() {}

    // nlmsg_type
    public static final int RTM_NEWLINK = 16, RTM_DELLINK = 17, RTM_GETLINK = 18, RTM_SETLINK = 19,
            RTM_NEWADDR = 20, RTM_DELADDR = 21, RTM_GETADDR = 22,
            RTM_NEWROUTE = 24, RTM_DELROUTE = 25, RTM_GETROUTE = 26;

    // enum rtattr_type_t: attributes of RTM_*ROUTE
    public static final int RTA_UNSPEC = 0, RTA_DST = 1, RTA_SRC = 2, RTA_IIF = 3, RTA_OIF = 4, RTA_GATEWAY = 5,
            RTA_PRIORITY = 6, RTA_PREFSRC = 7, RTA_METRICS = 8, RTA_MULTIPATH = 9, RTA_FLOW = 11,
            RTA_CACHEINFO = 12, RTA_TABLE = 15, RTA_MARK = 16, RTA_VIA = 18, RTA_PREF = 20, RTA_PAD = 24,
            RTA_NH_ID = 30;

    // rtm_type
    public static final int RTN_UNSPEC = 0, RTN_UNICAST = 1, RTN_LOCAL = 2, RTN_BROADCAST = 3, RTN_ANYCAST = 4,
            RTN_MULTICAST = 5, RTN_BLACKHOLE = 6, RTN_UNREACHABLE = 7, RTN_PROHIBIT = 8, RTN_THROW = 9;

    // rtm_protocol: who installed the route
    public static final int RTPROT_UNSPEC = 0, RTPROT_REDIRECT = 1, RTPROT_KERNEL = 2, RTPROT_BOOT = 3,
            RTPROT_STATIC = 4;

    // rtm_scope
    public static final int RT_SCOPE_UNIVERSE = 0, RT_SCOPE_SITE = 200, RT_SCOPE_LINK = 253,
            RT_SCOPE_HOST = 254, RT_SCOPE_NOWHERE = 255;

    // rtm_table; tables above 255 travel in RTA_TABLE only
    public static final int RT_TABLE_UNSPEC = 0, RT_TABLE_COMPAT = 252, RT_TABLE_DEFAULT = 253,
            RT_TABLE_MAIN = 254, RT_TABLE_LOCAL = 255;

    // rtm_flags
    public static final int RTM_F_NOTIFY = 0x100, RTM_F_CLONED = 0x200;

    // IFLA_EXT_MASK values: what RTM_GETLINK replies leave out or add
    public static final int RTEXT_FILTER_VF = 1 << 0, RTEXT_FILTER_SKIP_STATS = 1 << 3;

    public static final int RTA_ALIGNTO = 4;

    /** {@code RTA_ALIGN(len)}: {@code len} rounded up to the 4-byte attribute alignment. */
    public static int RTA_ALIGN(int len) { return (len + RTA_ALIGNTO - 1) & ~(RTA_ALIGNTO - 1); }

    /** {@code RTA_LENGTH(len)}: the {@code rta_len} of an attribute with {@code len} payload bytes. */
    public static int RTA_LENGTH(int len) { return RTA_ALIGN(4) + len; }

    /** {@code RTA_SPACE(len)}: the bytes an attribute with {@code len} payload bytes occupies, padding included. */
    public static int RTA_SPACE(int len) { return RTA_ALIGN(RTA_LENGTH(len)); }
}

package io.uvac.sys;

import static io.uvac.sys.BindingsConformanceTest.assertConstants;
import static io.uvac.sys.testing.CProbe.key;
import static io.uvac.sys.testing.CProbe.sizeKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.uvac.sys.raw.ifaddrmsg;
import io.uvac.sys.raw.ifinfomsg;
import io.uvac.sys.raw.linux_if_addr_h;
import io.uvac.sys.raw.linux_if_link_h;
import io.uvac.sys.raw.linux_netlink_h;
import io.uvac.sys.raw.linux_rtnetlink_h;
import io.uvac.sys.raw.net_if_h;
import io.uvac.sys.raw.nlmsgerr;
import io.uvac.sys.raw.nlmsghdr;
import io.uvac.sys.raw.rtattr;
import io.uvac.sys.raw.rtmsg;
import io.uvac.sys.raw.sockaddr_nl;
import io.uvac.sys.raw.sys_socket_h;
import io.uvac.sys.testing.CProbe;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every constant, macro, struct size and field offset of the socket and rtnetlink bindings, against the headers. */
class NetlinkBindingsConformanceTest {

    @BeforeAll
    static void gcc() {
        CProbe.requireGcc();
    }

    @Test
    void constants() throws Exception {
        assertConstants(sys_socket_h.class, "sys/socket.h");
        assertConstants(linux_netlink_h.class, "linux/netlink.h");
        assertConstants(linux_rtnetlink_h.class, "linux/rtnetlink.h");
        assertConstants(linux_if_link_h.class, "linux/if.h", "linux/if_link.h", "linux/veth.h");
        assertConstants(linux_if_addr_h.class, "linux/if_addr.h");
        // glibc's <net/if.h> first: <linux/libc-compat.h> then lets <linux/if.h> add only what glibc lacks.
        assertConstants(net_if_h.class, "net/if.h", "linux/if.h");
    }

    /** Function-like macros at lengths around every alignment boundary, including 0. */
    @Test
    void macros() throws Exception {
        int[] lengths = {0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 255, 65531};
        Map<String, IntUnaryOperator> java = Map.of(
                "NLMSG_ALIGN", linux_netlink_h::NLMSG_ALIGN,
                "NLMSG_LENGTH", linux_netlink_h::NLMSG_LENGTH,
                "NLMSG_SPACE", linux_netlink_h::NLMSG_SPACE,
                "NLA_ALIGN", linux_netlink_h::NLA_ALIGN,
                "RTA_ALIGN", linux_rtnetlink_h::RTA_ALIGN,
                "RTA_LENGTH", linux_rtnetlink_h::RTA_LENGTH,
                "RTA_SPACE", linux_rtnetlink_h::RTA_SPACE);
        CProbe probe = new CProbe("linux/rtnetlink.h");
        for (String macro : java.keySet())
            for (int n : lengths) probe.value(macro + "(" + n + ")");
        Map<String, Long> c = probe.run();
        assertEquals(java.size() * lengths.length, c.size());
        for (var m : java.entrySet())
            for (int n : lengths) {
                String call = m.getKey() + "(" + n + ")";
                assertEquals(c.get(call), (long) m.getValue().applyAsInt(n), call);
            }
    }

    @Test
    void structs() throws Exception {
        assertStruct("struct sockaddr_nl", sockaddr_nl.class, "sys/socket.h", "linux/netlink.h");
        assertStruct("struct nlmsghdr", nlmsghdr.class, "linux/netlink.h");
        assertStruct("struct nlmsgerr", nlmsgerr.class, "linux/netlink.h");
        assertStruct("struct ifinfomsg", ifinfomsg.class, "linux/rtnetlink.h");
        assertStruct("struct ifaddrmsg", ifaddrmsg.class, "linux/if_addr.h");
        assertStruct("struct rtmsg", rtmsg.class, "linux/rtnetlink.h");
        assertStruct("struct rtattr", rtattr.class, "linux/rtnetlink.h");
        // The header lengths the macros and the message code rely on.
        assertEquals(linux_netlink_h.NLMSG_HDRLEN, nlmsghdr.sizeof());
        assertEquals(linux_netlink_h.NLA_HDRLEN, rtattr.sizeof());
    }

    /**
     * sizeof, and offsetof every named member of the binding's layout (padding has no name and is skipped),
     * both as the layout computes it and as the binding's {@code member$offset()} accessor reports it.
     */
    private static void assertStruct(String cType, Class<?> binding, String... headers) throws Exception {
        GroupLayout layout = (GroupLayout) binding.getMethod("layout").invoke(null);
        assertEquals(layout.byteSize(), (long) binding.getMethod("sizeof").invoke(null));
        CProbe probe = new CProbe(headers).size(cType);
        int fields = 0;
        for (MemoryLayout member : layout.memberLayouts()) {
            if (member.name().isEmpty()) continue;
            probe.offset(cType, member.name().get());
            fields++;
        }
        assertTrue(fields > 0, cType + " has named members");
        Map<String, Long> c = probe.run();
        assertEquals(fields + 1, c.size(), "probe printed sizeof and every offsetof of " + cType);
        assertEquals(c.get(sizeKey(cType)), layout.byteSize(), "sizeof(" + cType + ")");
        for (MemoryLayout member : layout.memberLayouts()) {
            if (member.name().isEmpty()) continue;
            String name = member.name().get();
            assertEquals(c.get(key(cType, name)),
                    layout.byteOffset(MemoryLayout.PathElement.groupElement(name)), key(cType, name));
            assertEquals(c.get(key(cType, name)), (long) binding.getMethod(name + "$offset").invoke(null),
                    binding.getSimpleName() + "." + name + "$offset()");
        }
    }
}

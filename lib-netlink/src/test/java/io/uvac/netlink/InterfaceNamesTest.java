package io.uvac.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names are checked as the kernel's dev_valid_name() does, before a request is built. */
class InterfaceNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"eth0", "lo", "uvac-123456789a", "veth.1", "a"})
    void acceptsWhatTheKernelAccepts(String name) {
        assertEquals(name, RtNetlink.requireName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "uvac-123456789ab", ".", "..", "a/b", "a:b", "a b", "a\tb", "a\nb", "éééééééé"})
    void rejectsWhatTheKernelRejects(String name) {
        assertThrows(IllegalArgumentException.class, () -> RtNetlink.requireName(name));
    }

    @Test
    void explainsTheLimit() {
        var e = assertThrows(IllegalArgumentException.class, () -> RtNetlink.requireName("uvac-123456789ab"));
        assertEquals("interface name \"uvac-123456789ab\" has 16 bytes; it needs 1..15", e.getMessage());
        assertThrows(NullPointerException.class, () -> RtNetlink.requireName(null));
    }
}

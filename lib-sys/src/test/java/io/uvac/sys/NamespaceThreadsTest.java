package io.uvac.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.testing.Privileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A network namespace made together with work done inside it, on one thread (root). */
class NamespaceThreadsTest {
    @BeforeAll
    static void root() {
        Privileged.require();
    }

    private static String netnsOf(String link) throws IOException {
        return Files.readSymbolicLink(Path.of(link)).toString();
    }

    private static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    @Test
    void theWorkRunsInsideTheNewNamespaceWhichTheFdKeeps() throws Exception {
        String mine = netnsOf("/proc/thread-self/ns/net");
        try (var created = NamespaceThreads.newNetworkNamespace(() -> netnsOf("/proc/thread-self/ns/net"))) {
            assertNotEquals(mine, created.made(), "the work ran in a new namespace");
            assertEquals(created.made(), netnsOf("/proc/self/fd/" + created.netns().get()), "the fd is that namespace");
            assertEquals(mine, netnsOf("/proc/thread-self/ns/net"), "the caller's thread stayed where it was");
        }
    }

    @Test
    void failingWorkReleasesTheNamespaceAndKeepsItsError() throws Exception {
        long before = openFds();
        var e = assertThrows(ErrnoException.class, () -> NamespaceThreads.newNetworkNamespace(() -> {
            throw ErrnoException.of("probe", "inside", Errno.EPERM);
        }));
        assertEquals(Errno.EPERM, e.errno());
        assertEquals(before, openFds(), "no namespace fd left open");
    }
}

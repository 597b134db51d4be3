package io.uvac.netlink;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a test opened, closed in reverse order however the test ended; the first failure wins, the rest are suppressed. */
final class Owned {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    void closeAll() throws Exception {
        Exception failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}

package io.uvac.namespaces;

import io.uvac.sys.ErrnoException;
import io.uvac.sys.Fd;
import io.uvac.sys.internal.NamespaceThreads;
import io.uvac.sys.raw.sched_h;
import java.util.concurrent.Callable;

/**
 * A network namespace made before any process lives in it, so its veth, addresses and routes can be set up
 * first and a container joins a ready network. The namespace lives while this object's fd or a process in
 * it does; closing the fd after the container started hands its lifetime to the container.
 *
 * <pre>
 * try (NetworkNamespace ns = NetworkNamespace.create()) {
 *     ns.call(() -> ...);   // on a platform thread inside the namespace
 *     Containers.spawn(ContainerSpec.builder().networkNamespace(ns.fd())...build());
 * }
 * </pre>
 */
public final class NetworkNamespace implements AutoCloseable {
    private final Fd fd;

    private NetworkNamespace(Fd fd) {
        this.fd = fd;
    }

    /** {@code unshare(CLONE_NEWNET)} on a fresh platform thread, which keeps the JVM's own threads where they are. */
    public static NetworkNamespace create() throws ErrnoException {
        return new NetworkNamespace(NamespaceThreads.newNetworkNamespace());
    }

    public Fd fd() { return fd; }

    /** Runs {@code body} on a new platform thread inside this namespace (sockets opened there stay in it). */
    public <T> T call(Callable<T> body) throws ErrnoException {
        return NamespaceThreads.call(fd, sched_h.CLONE_NEWNET, body);
    }

    @Override
    public void close() {
        fd.close();
    }
}

package io.uvac.launcher.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a container's port on a host loopback port by copying bytes in user space (what docker-proxy
 * does), so a browser on the host can use {@code http://localhost:8081}. One virtual thread per direction.
 */
public final class PortForwarder implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private PortForwarder(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Binds {@code 127.0.0.1:hostPort} now (so a busy port fails early); forwards once {@link #start()}ed. */
    public static PortForwarder bind(int hostPort, InetSocketAddress target) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort), 128);
            return new PortForwarder(s, target);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    public int port() { return server.getLocalPort(); }

    public void start() {
        Thread.ofVirtual().name("uvac-forward-" + port()).start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (!closed) System.err.println("uva_container: forwarder on port " + port() + ": " + e.getMessage());
                return;
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        open.add(upstream);
        try {
            upstream.connect(target, 5_000);
            Thread back = Thread.ofVirtual().start(() -> pump(upstream, client));
            pump(client, upstream);
            back.join();
        } catch (IOException | InterruptedException e) {
            // The peer went away or the container is not there: the client sees the connection close.
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput(); // half-close: HTTP/1.0 clients end their request this way
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort; the fd is released either way
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) closeQuietly(s);
    }
}

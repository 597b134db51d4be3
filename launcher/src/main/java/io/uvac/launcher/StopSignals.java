package io.uvac.launcher;

import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into an orderly stop: the JVM's default would run shutdown hooks and exit 130/143,
 * while a launcher that cleaned up after a requested stop should exit 0.
 */
public final class StopSignals {
    private final CompletableFuture<Integer> requested = new CompletableFuture<>();
    private SignalHandler previousInt, previousTerm;

    private StopSignals() {}

    public static StopSignals install() {
        StopSignals s = new StopSignals();
        s.previousInt = Signal.handle(new Signal("INT"), sig -> s.requested.complete(sig.getNumber()));
        s.previousTerm = Signal.handle(new Signal("TERM"), sig -> s.requested.complete(sig.getNumber()));
        return s;
    }

    /** Completes with the signal number of the first SIGINT or SIGTERM. */
    public CompletableFuture<Integer> requested() { return requested; }

    public void uninstall() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}

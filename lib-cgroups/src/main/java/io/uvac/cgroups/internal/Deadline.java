package io.uvac.cgroups.internal;

import java.io.InterruptedIOException;
import java.time.Duration;

/** A point in time on the monotonic clock, and short pauses that never overshoot it. */
public final class Deadline {
    private final long at;

    private Deadline(long at) {
        this.at = at;
    }

    public static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    public boolean expired() {
        return System.nanoTime() - at >= 0;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, at - System.nanoTime()));
    }

    /** The earlier of this deadline and {@code d} from now. */
    public Deadline atMost(Duration d) {
        long other = System.nanoTime() + d.toNanos();
        return other - at < 0 ? new Deadline(other) : this;
    }

    /** Sleeps 1, 2, 4 ... up to 50 ms by attempt, never past the deadline. */
    public void pause(int attempt) throws InterruptedIOException {
        long step = Math.min(50, 1L << Math.min(attempt, 6));
        long millis = Math.min(step, remaining().toMillis());
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on a cgroup");
        }
    }
}

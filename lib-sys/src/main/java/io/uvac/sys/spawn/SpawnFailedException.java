package io.uvac.sys.spawn;

import io.uvac.sys.ErrnoException;

/**
 * A step of the spawn plan failed in the child; the child has exited (status 127) and has been reaped.
 * Message: {@code execve /nonexistent: No such file or directory (ENOENT) at step 9/9}.
 */
public final class SpawnFailedException extends ErrnoException {
    private final int step;
    private final int steps;

    SpawnFailedException(RawStep failed, int errno, int step, int steps) {
        super(failed.operation(), failed.arguments(), errno, " at step " + (step + 1) + "/" + steps);
        this.step = step;
        this.steps = steps;
    }

    /** Zero-based index of the failed step. */
    public int step() { return step; }

    public int steps() { return steps; }
}

package io.uvac.sys.spawn;

/**
 * One raw system call of a spawn plan, run by the child between clone3 and execve.
 *
 * <p>Arguments are register values: numbers, fds, or addresses of native memory that must stay alive until
 * the spawn returns. {@code operation} and {@code arguments} are the readable trace used in errors, e.g.
 * {@code mount} and {@code src=proc, dst=/proc, type=proc, flags=MS_NOSUID|MS_NODEV|MS_NOEXEC}.
 */
public record RawStep(String operation, String arguments, long nr, long a0, long a1, long a2, long a3, long a4,
                      long a5, boolean mayFail) {

    public static RawStep of(String operation, String arguments, long nr, long... args) {
        if (args.length > 6) throw new IllegalArgumentException("a system call takes at most 6 arguments");
        long[] a = java.util.Arrays.copyOf(args, 6);
        return new RawStep(operation, arguments, nr, a[0], a[1], a[2], a[3], a[4], a[5], false);
    }

    /** The same step, allowed to fail without stopping the plan (e.g. a mask on a path that may be absent). */
    public RawStep allowFailure() {
        return new RawStep(operation, arguments, nr, a0, a1, a2, a3, a4, a5, true);
    }

    @Override
    public String toString() {
        return operation + (arguments.isEmpty() ? "" : " " + arguments) + (mayFail ? " (may fail)" : "");
    }
}

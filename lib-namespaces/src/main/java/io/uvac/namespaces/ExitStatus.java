package io.uvac.namespaces;

/** How a container's process ended: exited with a code, or killed by a signal. */
public sealed interface ExitStatus {

    /** The shell convention: the exit code, or 128 + the signal number. */
    int shellCode();

    record Exited(int code) implements ExitStatus {
        @Override public int shellCode() { return code; }
        @Override public String toString() { return "exited with code " + code; }
    }

    record Killed(int signal, boolean coreDumped) implements ExitStatus {
        @Override public int shellCode() { return 128 + signal; }
        @Override public String toString() {
            return "killed by signal " + signal + " (" + Signals.name(signal) + ")" + (coreDumped ? ", core dumped" : "");
        }
    }
}

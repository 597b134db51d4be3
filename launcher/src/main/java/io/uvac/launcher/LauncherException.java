package io.uvac.launcher;

/** A failure of uva_container itself, reported as one line; the exit status follows docker's convention (125). */
public class LauncherException extends Exception {
    public static final int EXIT_SETUP = 125;
    private final int exitCode;

    public LauncherException(String message) {
        this(message, EXIT_SETUP, null);
    }

    public LauncherException(String message, Throwable cause) {
        this(message, EXIT_SETUP, cause);
    }

    public LauncherException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }
}

package io.uvac.bench;

import io.uvac.namespaces.ExitStatus;

/** A benchmark that silently measured a failing program would report a fast failure as a fast spawn. */
final class Checks {
    private Checks() {}

    static ExitStatus exitedZero(ExitStatus status, String what) {
        if (!(status instanceof ExitStatus.Exited e) || e.code() != 0)
            throw new IllegalStateException(what + " did not exit with 0: " + status);
        return status;
    }

    static void exitedZero(int code, String what) {
        if (code != 0) throw new IllegalStateException(what + " exited with " + code);
    }
}

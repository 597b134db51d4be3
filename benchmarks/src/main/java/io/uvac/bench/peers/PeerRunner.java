package io.uvac.bench.peers;

import io.uvac.sys.ErrnoException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one peer from Java the way an application would (ProcessBuilder, the JDK's posix_spawn +
 * jspawnhelper) and waits for it. Every peer gets the same redirections: stdin from /dev/null, stdout
 * discarded, stderr into a file that is read only when the run failed.
 */
public final class PeerRunner implements AutoCloseable {
    private static final File DEV_NULL = new File("/dev/null");

    private final Peer peer;
    private final Path bundle;
    private final Path work;
    private final File stderr;
    private final String idPrefix;
    private long runs;

    public PeerRunner(Peer peer, Path bundle, Path work) throws IOException {
        this.peer = peer;
        this.bundle = bundle;
        this.work = work;
        this.stderr = work.resolve("peer-" + peer.id() + ".stderr").toFile();
        // "uvac" in the id puts runc's and crun's cgroups among those a leak check finds.
        this.idPrefix = "uvacb-" + peer.id() + "-" + ProcessHandle.current().pid() + "-";
        if (peer.isOci()) Files.createDirectories(peer.stateRoot(work));
    }

    /** Moves the calling thread into crun's private view of the cgroup mounts; call it from the thread that runs. */
    public void prepareThread() throws ErrnoException {
        if (peer == Peer.CRUN) HiddenCgroup2.applyToCurrentThread();
    }

    /** One run to exit; throws if the peer did not exit with 0. */
    public void runOnce() throws IOException, InterruptedException {
        List<String> cmd = peer.command(bundle, work, idPrefix + runs++);
        Process p = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.to(stderr))
                .start();
        int code = p.waitFor();
        if (code != 0) throw new IOException(String.join(" ", cmd) + " exited with " + code + ": " + lastError());
    }

    public String lastError() {
        try {
            return Files.readString(stderr.toPath(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    /**
     * Removes what an interrupted OCI run may have left: containers under our state root (runc and crun
     * delete their cgroups with them). A clean run leaves none, as {@code run} deletes on exit.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!peer.isOci()) return;
        String root = peer.stateRoot(work).toString();
        for (String id : output(List.of(peer.binary(), "--root", root, "list", "-q"))) {
            if (id.startsWith(idPrefix)) output(List.of(peer.binary(), "--root", root, "delete", "--force", id));
        }
    }

    private static List<String> output(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
        List<String> lines = new ArrayList<>();
        try (var r = p.inputReader(StandardCharsets.UTF_8)) {
            r.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(lines::add);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish in 30 s");
        }
        return lines;
    }
}

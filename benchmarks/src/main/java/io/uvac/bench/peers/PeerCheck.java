package io.uvac.bench.peers;

import io.uvac.bench.BenchEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries every peer once before the JMH run and writes {@code peers.tsv} (id, ok|unavailable, version,
 * note), from which benchmarks/run-bench picks the peers to measure and the report takes the reasons.
 * For crun it records the refusal it shows without the cgroup2 workaround, so the report quotes crun itself.
 *
 * <p>Usage: {@code java -Duvac.bench.bundle=B -Duvac.bench.work=W io.uvac.bench.peers.PeerCheck OUT.tsv}
 */
public final class PeerCheck {
    private PeerCheck() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "peers.tsv");
        List<String> rows = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            String[] r = check(peer);
            rows.add(peer.id() + "\t" + String.join("\t", r));
            System.out.printf("peer %-8s %-11s %s%s%n", peer.id(), r[0], r[1], r[2].isEmpty() ? "" : " (" + r[2] + ")");
        }
        Files.write(out, rows, StandardCharsets.UTF_8);
    }

    /** {status, version, note}; never throws, so one broken peer does not hide the others. */
    private static String[] check(Peer peer) {
        String version;
        try {
            version = firstLine(peer.versionCommand());
        } catch (IOException e) {
            return new String[] {"unavailable", "-", "not installed: " + oneLine(e.getMessage())};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[] {"unavailable", "-", "interrupted"};
        }
        try (PeerRunner runner = new PeerRunner(peer, BenchEnv.bundle(), BenchEnv.work())) {
            String note = "";
            if (peer == Peer.CRUN && !HiddenCgroup2.hybridMounts().isEmpty()) {
                try {
                    runner.runOnce();
                } catch (IOException refused) {
                    note = "refuses this hybrid cgroup host (\"" + oneLine(runner.lastError()) + "\"); measured in a"
                            + " private mount namespace without " + String.join(", ", HiddenCgroup2.hybridMounts());
                }
            }
            runner.prepareThread();
            runner.runOnce();
            return new String[] {"ok", version, note};
        } catch (Exception e) {
            return new String[] {"unavailable", version, "cannot run here: " + oneLine(e.getMessage())};
        }
    }

    private static String firstLine(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + ": " + text);
        return oneLine(text.lines().findFirst().orElse(""));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}

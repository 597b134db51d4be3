package io.uvac.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns one run into the files under benchmarks/results/ and refreshes the README's results section.
 *
 * <p>Usage: {@code Report JMH_JSON PEERS_TSV RUN_FACTS HEAP_RSS_TSV OUT_DIR [README]}; writes OUT_DIR/results.md
 * and OUT_DIR/spawn-latency.png (quoting OUT_DIR/profile.txt when run-bench made one), and replaces the text between {@value #BEGIN} and {@value #END} in README.
 */
public final class Report {
    static final String BEGIN = "<!-- bench-results:begin -->";
    static final String END = "<!-- bench-results:end -->";
    static final String CHART = "spawn-latency.png";

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: Report JMH_JSON PEERS_TSV RUN_FACTS HEAP_RSS_TSV OUT_DIR [README]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<BenchResult> results = JmhJson.read(Path.of(args[0]));
        List<PeerInfo> peers = PeerInfo.read(Path.of(args[1]));
        RunInfo run = RunInfo.read(Path.of(args[2]), Path.of(args[3]));
        Path out = Path.of(args[4]);
        Files.createDirectories(out);

        LatencyChart.write(results, run.fact("date") + ", " + run.fact("cores") + " cores, " + run.fact("memory") + ", kernel "
                + run.fact("kernel") + ", " + run.fact("cgroups"), out.resolve(CHART));
        Path profileFile = out.resolve("profile.txt");
        String profile = Files.exists(profileFile) ? Files.readString(profileFile, StandardCharsets.UTF_8) : null;
        Files.writeString(out.resolve("results.md"), new MarkdownReport(results, peers, run, CHART).withProfile(profile).render(),
                StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve("results.md") + " and " + out.resolve(CHART));

        if (args.length > 5) {
            Path readme = Path.of(args[5]);
            String rel = readme.toAbsolutePath().getParent().relativize(out.toAbsolutePath()) + "/";
            String section = new MarkdownReport(results, peers, run, rel + CHART).withProfile(profile).render();
            Files.writeString(readme, replaceSection(Files.readString(readme, StandardCharsets.UTF_8), section), StandardCharsets.UTF_8);
            System.out.println("updated " + readme);
        }
    }

    /** The README keeps everything outside the markers; a README without them gets the section appended. */
    static String replaceSection(String readme, String section) {
        int b = readme.indexOf(BEGIN), e = readme.indexOf(END);
        String block = BEGIN + "\n" + section + END;
        if (b < 0 || e < b) return readme + (readme.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
        return readme.substring(0, b) + block + readme.substring(e + END.length());
    }
}

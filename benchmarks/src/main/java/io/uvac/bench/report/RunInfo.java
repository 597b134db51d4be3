package io.uvac.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the run that JMH does not record, collected by benchmarks/run-bench as {@code key: value}
 * lines: the machine, the profile, the leak check; plus the heap forks' resident sizes.
 */
public record RunInfo(Map<String, String> facts, Map<String, Long> residentKiB) {

    public static RunInfo read(Path factsFile, Path heapRss) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        if (Files.exists(factsFile))
            for (String line : Files.readAllLines(factsFile, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) facts.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        Map<String, Long> rss = new LinkedHashMap<>();
        if (heapRss != null && Files.exists(heapRss))
            for (String line : Files.readAllLines(heapRss, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length >= 2) rss.put(f[0], Long.parseLong(f[1]));
            }
        return new RunInfo(facts, rss);
    }

    public String fact(String key) {
        return facts.getOrDefault(key, "?");
    }

    static RunInfo of(Map<String, String> facts) {
        return new RunInfo(facts, Map.of());
    }

    /** The machine in one line, for the chart's title and the table's header. */
    public String machine() {
        return String.join(", ", List.of(fact("cpu"), fact("cores") + " cores", fact("memory"), "kernel " + fact("kernel"),
                fact("os"), fact("cgroups")));
    }
}

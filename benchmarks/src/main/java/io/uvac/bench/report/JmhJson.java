package io.uvac.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the JSON JMH writes with {@code -rf json}: sample-time results in microseconds. */
public final class JmhJson {
    private JmhJson() {}

    public static List<BenchResult> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static List<BenchResult> parse(String json) {
        List<BenchResult> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject b = e.getAsJsonObject();
            if (!"sample".equals(b.get("mode").getAsString())) continue;
            JsonObject metric = b.getAsJsonObject("primaryMetric");
            String unit = metric.get("scoreUnit").getAsString();
            if (!unit.equals("us/op"))
                throw new IllegalArgumentException(b.get("benchmark").getAsString() + " is in " + unit + "; run JMH with -tu us");
            out.add(merge(new BenchResult(key(b), 0, percentiles(metric), null, null), metric.getAsJsonArray("rawDataHistogram")));
        }
        return out;
    }

    /** {@code io.uvac.bench.SpawnBench.spawnToExec} + params → {@code SpawnBench.spawnToExec[namespaces=none]}. */
    static String key(JsonObject b) {
        String full = b.get("benchmark").getAsString();
        String[] parts = full.split("\\.");
        StringBuilder k = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
        if (b.has("params")) {
            List<String> ps = new ArrayList<>();
            for (Map.Entry<String, JsonElement> p : new TreeMap<>(b.getAsJsonObject("params").asMap()).entrySet())
                ps.add(p.getKey() + "=" + p.getValue().getAsString());
            k.append('[').append(String.join(",", ps)).append(']');
        }
        return k.toString();
    }

    private static Map<Double, Double> percentiles(JsonObject metric) {
        Map<Double, Double> m = new TreeMap<>();
        for (Map.Entry<String, JsonElement> p : metric.getAsJsonObject("scorePercentiles").entrySet())
            m.put(Double.parseDouble(p.getKey()), p.getValue().getAsDouble());
        return m;
    }

    /** rawDataHistogram: forks → iterations → [value, count] pairs; merged over all of them. */
    static BenchResult merge(BenchResult r, JsonArray forks) {
        TreeMap<Double, Long> merged = new TreeMap<>();
        for (JsonElement fork : forks)
            for (JsonElement iteration : fork.getAsJsonArray())
                for (JsonElement pair : iteration.getAsJsonArray()) {
                    JsonArray vc = pair.getAsJsonArray();
                    merged.merge(vc.get(0).getAsDouble(), vc.get(1).getAsLong(), Long::sum);
                }
        double[] values = new double[merged.size()];
        long[] counts = new long[merged.size()];
        long total = 0;
        int i = 0;
        for (Map.Entry<Double, Long> e : merged.entrySet()) {
            values[i] = e.getKey();
            counts[i++] = e.getValue();
            total += e.getValue();
        }
        return new BenchResult(r.key(), total, r.percentiles(), values, counts);
    }
}

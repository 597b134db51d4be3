package io.uvac.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's arithmetic and text on a hand-made JMH JSON; no root, no JMH run. */
class ReportTest {

    /** Two sample-time results in JMH's JSON shape; the first has two iterations to merge. */
    static String json(String bench, String params, double p50, double[][]... iterations) {
        StringBuilder hist = new StringBuilder("[[");
        for (int i = 0; i < iterations.length; i++) {
            if (i > 0) hist.append(',');
            hist.append('[');
            for (int j = 0; j < iterations[i].length; j++)
                hist.append(j > 0 ? "," : "").append('[').append(iterations[i][j][0]).append(',').append((long) iterations[i][j][1]).append(']');
            hist.append(']');
        }
        hist.append("]]");
        return """
            {"jmhVersion":"1.37","benchmark":"%s","mode":"sample",%s
             "primaryMetric":{"score":1.0,"scorePercentiles":{"0.0":1.0,"50.0":%s,"90.0":%s,"99.0":%s,"100.0":9.0},
               "scoreUnit":"us/op","rawDataHistogram":%s}}""".formatted(bench, params, p50, p50 * 2, p50 * 3, hist);
    }

    static final String RUN = "[" + String.join(",",
            json("io.uvac.bench.SpawnBench.spawnToExit", "\"params\":{\"namespaces\":\"five\"},", 1000,
                    new double[][] {{900, 2}, {1000, 1}}, new double[][] {{1000, 3}, {4000, 1}}),
            json("io.uvac.bench.peers.PeerBench.spawnToExit", "\"params\":{\"peer\":\"runc\"},", 25000,
                    new double[][] {{25000, 4}}),
            json("io.uvac.bench.peers.PeerBench.spawnToExit", "\"params\":{\"peer\":\"unshare\"},", 2500,
                    new double[][] {{2500, 4}})) + "]";

    @Test
    void keysPercentilesAndMergedHistogram() {
        List<BenchResult> rs = JmhJson.parse(RUN);
        assertEquals(3, rs.size());
        BenchResult five = rs.get(0);
        assertEquals("SpawnBench.spawnToExit[namespaces=five]", five.key());
        assertEquals(1000, five.p50());
        assertEquals(3000, five.p99());
        assertEquals(7, five.samples());
        assertArrayEquals(new double[] {900, 1000, 4000}, five.values());
        assertArrayEquals(new long[] {2, 4, 1}, five.counts());
        assertEquals("PeerBench.spawnToExit[peer=runc]", rs.get(1).key());
    }

    @Test
    void targetsUseTheStandInAndSaySo() {
        Map<String, BenchResult> byKey = new LinkedHashMap<>();
        for (BenchResult r : JmhJson.parse(RUN)) byKey.put(r.key(), r);
        List<Targets.Check> checks = Targets.evaluate(byKey);
        Targets.Check unshare = checks.get(2), runc = checks.get(3);
        assertTrue(unshare.measured().startsWith("2.50× faster"), unshare.measured());
        assertEquals("met, stand-in only", unshare.verdict());
        assertTrue(runc.measured().startsWith("25.0× faster"), runc.measured());
        assertEquals("met, stand-in only", runc.verdict());
        assertEquals("not measured", checks.get(1).verdict());
    }

    @Test
    void ratiosArePeerOverUvac() {
        String md = new MarkdownReport(JmhJson.parse(RUN), List.of(new PeerInfo("runc", true, "runc 1.1.5", "")),
                RunInfo.of(Map.of("date", "today")), "chart.png").render();
        assertTrue(md.contains("| spawn-to-exit (d) five namespaces | 1 000 | 2.50× | 25.0× |"), md);
        assertTrue(md.contains("| runc | runc 1.1.5 | yes |"), md);
        assertTrue(md.contains("![spawn latency distributions](chart.png)"), md);
    }

    @Test
    void cdfEndsAtOneAndRisesMonotonically() {
        BenchResult five = JmhJson.parse(RUN).get(0);
        double[][] cdf = LatencyChart.cdf(five);
        assertEquals(1.0, cdf[1][cdf[1].length - 1]);
        for (int i = 1; i < cdf[0].length; i++) {
            assertTrue(cdf[0][i] > cdf[0][i - 1]);
            assertTrue(cdf[1][i] >= cdf[1][i - 1]);
        }
    }

    @Test
    void readmeSectionIsReplacedBetweenMarkers() {
        String readme = "intro\n" + Report.BEGIN + "\nold\n" + Report.END + "\nafter\n";
        assertEquals("intro\n" + Report.BEGIN + "\nnew\n" + Report.END + "\nafter\n", Report.replaceSection(readme, "new\n"));
        assertTrue(Report.replaceSection("intro\n", "new\n").endsWith(Report.BEGIN + "\nnew\n" + Report.END + "\n"));
    }
}

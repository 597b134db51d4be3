package io.uvac.bench.report;

import io.uvac.bench.report.Catalog.Group;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The distributions as cumulative curves on a log time axis (XChart): one panel for everything timed to
 * exit (uvac and the peers, which compare like with like), one for everything timed to exec and the parts.
 * A curve further left is faster; its height at a time is the share of spawns done by then.
 */
public final class LatencyChart {
    private static final int WIDTH = 1700, PANEL_HEIGHT = 500, POINTS = 400;
    /** Solid cool colours for uvac, dashed warm and neutral ones for the rest, all legible on white. */
    private static final Color[] UVAC_COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x17becf),
        new Color(0x000080), new Color(0x006400), new Color(0x9467bd), new Color(0x4b0082), new Color(0x00a087),
        new Color(0x6b8e23), new Color(0x708090)};
    private static final Color[] OTHER_COLORS = {new Color(0xd62728), new Color(0xff7f0e), new Color(0x8c564b),
        new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x000000)};

    private LatencyChart() {}

    public static void write(List<BenchResult> results, String subtitle, Path png) throws IOException {
        List<BenchResult> ordered = Catalog.ordered(results);
        List<BufferedImage> panels = List.of(
                BitmapEncoder.getBufferedImage(panel("spawn to exit: uvac and peers (ProcessBuilder start to waitFor)",
                        ordered, EnumSet.of(Group.UVAC_EXIT, Group.PEER))),
                BitmapEncoder.getBufferedImage(panel("spawn to exec (uvac) and the parts of a spawn",
                        ordered, EnumSet.of(Group.UVAC_EXEC, Group.PART))),
                BitmapEncoder.getBufferedImage(panel("spawn to exec from JVMs with 64 MB, 2 GB and 8 GB of pre-touched heap",
                        ordered, EnumSet.of(Group.HEAP))));
        int titleHeight = 40, height = titleHeight;
        for (BufferedImage p : panels) height += p.getHeight();
        BufferedImage all = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, all.getWidth(), all.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString("uvac spawn latency, cumulative distributions (JMH sample time) - " + subtitle, 12, 26);
            int y = titleHeight;
            for (BufferedImage p : panels) {
                g.drawImage(p, 0, y, null);
                y += p.getHeight();
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(all, "png", png.toFile());
    }

    private static XYChart panel(String title, List<BenchResult> results, Set<Group> groups) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("latency, µs (log scale)").yAxisTitle("share of spawns done").build();
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setYAxisDecimalPattern("0%");
        s.setXAxisDecimalPattern("#,##0");
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesVisible(true);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int uvacSeries = 0, otherSeries = 0;
        for (BenchResult r : results) {
            Catalog.Entry e = Catalog.entry(r.key());
            if (!groups.contains(e.group()) || r.samples() == 0) continue;
            boolean uvac = e.group() == Group.UVAC_EXEC || e.group() == Group.UVAC_EXIT;
            double[][] cdf = cdf(r);
            String name = (e.group() == Group.PEER ? "peer: " : e.group() == Group.PART ? "part: "
                    : e.group() == Group.HEAP ? "" : "uvac ") + e.label() + "  (p50 " + Format.us(r.p50()) + " µs)";
            XYSeries series = chart.addSeries(name, cdf[0], cdf[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(uvac || e.group() == Group.HEAP ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
            series.setLineWidth(uvac ? 2.5f : 2f);
            series.setLineColor(uvac || e.group() == Group.HEAP ? UVAC_COLORS[uvacSeries++ % UVAC_COLORS.length]
                    : OTHER_COLORS[otherSeries++ % OTHER_COLORS.length]);
        }
        return chart;
    }

    /** At most POINTS (value, cumulative share) pairs taken at evenly spaced ranks of the merged histogram. */
    static double[][] cdf(BenchResult r) {
        List<double[]> pts = new ArrayList<>();
        long total = r.samples(), seen = 0, nextRank = 0, step = Math.max(1, total / POINTS);
        for (int i = 0; i < r.values().length; i++) {
            seen += r.counts()[i];
            if (seen >= nextRank || i == r.values().length - 1) {
                pts.add(new double[] {r.values()[i], (double) seen / total});
                nextRank = seen + step;
            }
        }
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }
}

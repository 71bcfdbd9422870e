package org.casetrack.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts, drawn headless with JFreeChart: latency distributions and throughput over time. */
public final class Charts {
    private static final int WIDTH = 1000, HEIGHT = 560;

    private Charts() {
    }

    /**
     * Latency by percentile, HdrHistogram's way: the x axis is 1/(1-p) on a log scale, so 90%, 99%, 99.9%
     * and 99.99% are evenly spaced and the tail is visible.
     */
    public static void latency(Path file, String title, Map<String, Histogram> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, histogram) -> {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            XYSeries s = new XYSeries(name, false);
            for (HistogramIterationValue v : histogram.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                if (p >= 1.0) {
                    break;
                }
                s.add(1 / (1 - p), Math.max(0.001, v.getValueIteratedTo() / 1000.0));
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "percentile", "latency (ms, log scale)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("percentile");
        x.setTickUnit(new NumberTickUnit(1.0));
        x.setNumberFormatOverride(new PercentileFormat());
        x.setSmallestValue(1);
        plot.setDomainAxis(x);
        LogAxis y = new LogAxis("latency (ms, log scale)");
        y.setSmallestValue(0.001);
        y.setTickUnit(new NumberTickUnit(1.0));
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        plot.setRangeAxis(y);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Successes per second over the seconds of each phase. */
    public static void throughput(Path file, String title, String unit, Map<String, List<ProgressTap.Point>> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, false);
            points.forEach(p -> s.add(p.seconds(), p.count()));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds into the phase", unit, data, PlotOrientation.VERTICAL,
                true, false, false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** A phase's per-second counts as points (the last, partial second left out). */
    public static List<ProgressTap.Point> perSecond(long[] counts, double seconds, double factor) {
        int whole = (int) Math.min(counts.length, Math.floor(seconds));
        java.util.ArrayList<ProgressTap.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < whole; i++) {
            points.add(new ProgressTap.Point(i + 1, Math.round(counts[i] * factor)));
        }
        return points;
    }

    /** Writes 1/(1-p) as the percentile p. */
    private static final class PercentileFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            double p = 100 * (1 - 1 / number);
            return to.append(p <= 0 ? "0%" : String.format(Locale.ROOT, p < 99.5 ? "%.0f%%" : "%.4g%%", p));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}

package org.cardiacrnn.figures;

import java.util.List;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/** A genes × time grid of values with a colour bar: the expression of one sequence, or what drove its call. */
final class GeneTimeHeatmap {

    /** The values' spread, from which each figure picks its colour scale. */
    record Spread(double min, double max, double largestMagnitude) {
    }

    private GeneTimeHeatmap() {
    }

    /**
     * @param values     [gene][time step]
     * @param geneNames  one per row, drawn top to bottom
     * @param timeLabels one per time step
     * @param valueName  the data CSV's name for the values
     * @param scaleLabel the colour bar's title
     */
    static Figure draw(String title, double[][] values, List<String> geneNames, List<String> timeLabels,
                       String valueName, String scaleLabel, Function<Spread, PaintScale> scaleFor) {
        int genes = geneNames.size();
        int steps = timeLabels.size();
        if (values.length != genes) {
            throw new IllegalArgumentException(values.length + " rows of values for " + genes + " genes");
        }
        double[][] xyz = new double[3][genes * steps];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double largest = 0;
        FigureData.Builder data = FigureData.builder("gene", "time", valueName);
        for (int g = 0; g < genes; g++) {
            if (values[g].length != steps) {
                throw new IllegalArgumentException(geneNames.get(g) + " has " + values[g].length
                        + " values for " + steps + " time points");
            }
            for (int t = 0; t < steps; t++) {
                int k = g * steps + t;
                xyz[0][k] = t;
                xyz[1][k] = genes - 1 - g;
                xyz[2][k] = values[g][t];
                min = Math.min(min, values[g][t]);
                max = Math.max(max, values[g][t]);
                largest = Math.max(largest, Math.abs(values[g][t]));
                data.row(geneNames.get(g), timeLabels.get(t), values[g][t]);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(valueName, xyz);
        PaintScale scale = scaleFor.apply(new Spread(min, max, largest));
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        String[] reversed = new String[genes];
        for (int g = 0; g < genes; g++) {
            reversed[g] = geneNames.get(genes - 1 - g);
        }
        SymbolAxis time = new SymbolAxis("Time", timeLabels.toArray(String[]::new));
        SymbolAxis gene = new SymbolAxis("Gene", reversed);
        time.setGridBandsVisible(false);
        gene.setGridBandsVisible(false);
        time.setRange(-0.5, steps - 0.5);
        gene.setRange(-0.5, genes - 0.5);
        time.setVerticalTickLabels(steps > 8);
        XYPlot plot = Charts.plot(dataset, time, gene, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(6);
        legend.setStripOutlineVisible(false);
        legend.setMargin(new RectangleInsets(10, 2, 10, 2));
        chart.addSubtitle(legend);
        Charts.finish(chart);
        // Room under the title: on screen its lines are drawn taller than JFreeChart measures them, and a second
        // line touched the first row of cells.
        chart.getTitle().setPadding(new RectangleInsets(2, 2, 8, 2));
        return new Figure(chart, data.build());
    }
}

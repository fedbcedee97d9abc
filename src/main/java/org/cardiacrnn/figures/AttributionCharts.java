package org.cardiacrnn.figures;

import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Figures of input attributions (which genes, at which time steps, moved a class's probability): a signed
 * gene × time heatmap and a ranked bar chart. They take plain arrays, so any attribution method can feed them.
 */
public final class AttributionCharts {

    private AttributionCharts() {
    }

    /**
     * Gene × time heatmap of signed attributions, white at zero, red for evidence for the class, blue against.
     *
     * @param values     values[gene][time]
     * @param geneNames  one per row, drawn top to bottom
     * @param timeLabels one per time step
     */
    public static Figure heatmap(String title, double[][] values, List<String> geneNames, List<String> timeLabels) {
        return GeneTimeHeatmap.draw(title, values, geneNames, timeLabels, "attribution", "Attribution",
                spread -> new DivergingPaintScale(spread.largestMagnitude()));
    }

    /**
     * Horizontal bars of the genes' mean attributions in the given (ranked) order, first at the top, coloured by
     * sign with the heatmap's colours.
     *
     * @param meanAttribution       signed value per gene, in {@code geneNames} order
     * @param meanAbsoluteAttribution the ranking key per gene, written to the CSV alongside
     */
    public static Figure rankedBars(String title, List<String> geneNames, double[] meanAttribution,
                                    double[] meanAbsoluteAttribution) {
        if (meanAttribution.length != geneNames.size() || meanAbsoluteAttribution.length != geneNames.size()) {
            throw new IllegalArgumentException("need one mean and one mean absolute attribution per gene");
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        FigureData.Builder data = FigureData.builder("rank", "gene", "mean_attribution",
                "mean_absolute_attribution");
        double largest = 0;
        for (int g = 0; g < geneNames.size(); g++) {
            dataset.addValue(meanAttribution[g], "attribution", geneNames.get(g));
            data.row(g + 1, geneNames.get(g), meanAttribution[g], meanAbsoluteAttribution[g]);
            largest = Math.max(largest, Math.abs(meanAttribution[g]));
        }
        DivergingPaintScale scale = new DivergingPaintScale(largest);
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                Number value = getPlot().getDataset().getValue(row, column);
                // Full strength at either sign: the bar's length already shows the size.
                return scale.getPaint(value == null ? 0 : Math.signum(value.doubleValue()) * scale.getUpperBound());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis genes = new CategoryAxis("Gene");
        genes.setCategoryMargin(0.15);
        NumberAxis value = new NumberAxis("Mean attribution");
        CategoryPlot plot = new CategoryPlot(dataset, genes, value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(title, FigureStyle.print().font(Font.BOLD, 9f), plot, false);
        return new Figure(Charts.finish(chart), data.build());
    }
}

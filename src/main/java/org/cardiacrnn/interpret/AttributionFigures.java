package org.cardiacrnn.interpret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.figures.AttributionCharts;
import org.cardiacrnn.figures.Figure;

/** The attribution figures, built from a report; the same objects are shown on screen and exported. */
public final class AttributionFigures {

    private AttributionFigures() {
    }

    /** "t1", "t2", … : a sequence's time steps, whatever times they came from. */
    public static List<String> stepLabels(int steps) {
        List<String> labels = new ArrayList<>(steps);
        for (int t = 1; t <= steps; t++) {
            labels.add("t" + t);
        }
        return labels;
    }

    /** Signed mean attribution of a class's top genes as ranked bars. */
    public static Figure rankedBars(ClassAttribution summary, int top) {
        List<GeneScore> genes = summary.top(top);
        List<String> names = new ArrayList<>();
        double[] mean = new double[genes.size()];
        double[] absolute = new double[genes.size()];
        for (int i = 0; i < genes.size(); i++) {
            names.add(genes.get(i).gene());
            mean[i] = genes.get(i).meanAttribution();
            absolute[i] = genes.get(i).meanAbsoluteAttribution();
        }
        return AttributionCharts.rankedBars("Top genes: " + summary.className() + " (" + summary.sequences()
                + " sequences)", names, mean, absolute);
    }

    /** A class's top genes × time steps: when each gene matters. */
    public static Figure topGenesOverTime(ClassAttribution summary, int top) {
        List<GeneScore> genes = summary.top(top);
        double[][] values = new double[genes.size()][summary.timeSteps()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < genes.size(); i++) {
            names.add(genes.get(i).gene());
            for (int t = 0; t < summary.timeSteps(); t++) {
                values[i][t] = summary.mean(genes.get(i).geneIndex(), t);
            }
        }
        return AttributionCharts.heatmap("Top genes over time: " + summary.className(), values, names,
                stepLabels(summary.timeSteps()));
    }

    /** One sequence's attributions for its most important {@code top} genes (by absolute sum over time). */
    public static Figure sequenceHeatmap(String title, SequenceAttribution attribution, List<String> genes, int top) {
        int steps = attribution.timeSteps();
        List<Integer> order = new ArrayList<>();
        double[] weight = new double[genes.size()];
        for (int g = 0; g < genes.size(); g++) {
            order.add(g);
            for (int t = 0; t < steps; t++) {
                weight[g] += Math.abs(attribution.value(g, t));
            }
        }
        order.sort((a, b) -> Double.compare(weight[b], weight[a]));
        List<Integer> shown = order.subList(0, Math.min(top, order.size()));
        double[][] values = new double[shown.size()][steps];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            names.add(genes.get(shown.get(i)));
            for (int t = 0; t < steps; t++) {
                values[i][t] = attribution.value(shown.get(i), t);
            }
        }
        return AttributionCharts.heatmap(title, values, names, stepLabels(steps));
    }

    /** Every per-class figure of a report, keyed by file name. */
    public static Map<String, Figure> perClass(AttributionReport report, int top) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (ClassAttribution summary : report.classes()) {
            figures.put("top-genes-" + summary.className(), rankedBars(summary, top));
            figures.put("top-genes-over-time-" + summary.className(), topGenesOverTime(summary, top));
        }
        return figures;
    }
}

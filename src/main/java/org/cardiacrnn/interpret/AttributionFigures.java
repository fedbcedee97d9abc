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

    /**
     * A class's top genes by one kind of evidence as ranked bars: each gene's mean attribution from that kind of
     * expression (all, raised or lowered), summed over time steps.
     */
    public static Figure rankedBars(ClassAttribution summary, Evidence evidence, int top) {
        List<GeneScore> genes = summary.top(evidence, top);
        List<String> names = new ArrayList<>();
        double[] mean = new double[genes.size()];
        double[] absolute = new double[genes.size()];
        for (int i = 0; i < genes.size(); i++) {
            names.add(genes.get(i).gene());
            mean[i] = evidence.of(genes.get(i));
            absolute[i] = genes.get(i).meanAbsoluteAttribution();
        }
        return AttributionCharts.rankedBars(title(evidence, summary) + " (" + summary.sequences() + " sequences)",
                names, mean, absolute);
    }

    /** A class's top genes by one kind of evidence × time steps, that evidence alone: when each gene matters. */
    public static Figure topGenesOverTime(ClassAttribution summary, Evidence evidence, int top) {
        List<GeneScore> genes = summary.top(evidence, top);
        double[][] values = new double[genes.size()][summary.timeSteps()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < genes.size(); i++) {
            names.add(genes.get(i).gene());
            for (int t = 0; t < summary.timeSteps(); t++) {
                values[i][t] = summary.mean(evidence, genes.get(i).geneIndex(), t);
            }
        }
        return AttributionCharts.heatmap(title(evidence, summary) + ", over time", values, names,
                stepLabels(summary.timeSteps()));
    }

    private static String title(Evidence evidence, ClassAttribution summary) {
        return switch (evidence) {
            case ALL -> "Top genes: ";
            case RAISED -> "Markers (raised expression): ";
            case LOWERED -> "Low-level genes (lowered expression): ";
        } + summary.className();
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

    /**
     * Every per-class figure of a report, keyed by file name: {@code top-genes-CLASS} ranks the genes by all their
     * evidence (signed), {@code markers-CLASS} by the evidence from raised expression, {@code lowered-genes-CLASS}
     * by the evidence from lowered expression.
     */
    public static Map<String, Figure> perClass(AttributionReport report, int top) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (ClassAttribution summary : report.classes()) {
            figures.put("top-genes-" + summary.className(), rankedBars(summary, Evidence.ALL, top));
            figures.put("top-genes-over-time-" + summary.className(), topGenesOverTime(summary, Evidence.ALL, top));
            figures.put("markers-" + summary.className(), rankedBars(summary, Evidence.RAISED, top));
            figures.put("markers-over-time-" + summary.className(), topGenesOverTime(summary, Evidence.RAISED, top));
            figures.put("lowered-genes-" + summary.className(), rankedBars(summary, Evidence.LOWERED, top));
            figures.put("lowered-genes-over-time-" + summary.className(),
                    topGenesOverTime(summary, Evidence.LOWERED, top));
        }
        return figures;
    }
}

package org.cardiacrnn.interpret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a class's correctly classified sequences have in common: their mean attribution per gene and time step,
 * split into the evidence from raised and from lowered expression (see {@link Evidence}), and the genes ranked
 * three times: by the signed sum ({@link Evidence#ALL}, the evidence for the class), by the part from raised
 * expression (the class's markers) and by the part from lowered expression (genes whose low level argues for it).
 * Genes that argued against the class sink to the bottom; {@link GeneScore#meanAbsoluteAttribution()} still says
 * how much a gene mattered either way.
 *
 * @param meanAttribution mean over the sequences, {@code [gene * timeSteps + t]}
 * @param meanRaised      the part of it from cells where the input lay above the baseline
 * @param meanLowered     the part from the other cells; the two parts add up to {@code meanAttribution}
 * @param rankings        per {@link Evidence}, in its ordinal order, every gene ranked
 */
public record ClassAttribution(int classIndex, String className, int sequences, float[] meanAttribution,
                               float[] meanRaised, float[] meanLowered, int timeSteps,
                               List<List<GeneScore>> rankings) {

    public ClassAttribution {
        if (rankings.size() != Evidence.values().length) {
            throw new IllegalArgumentException("need one ranking per kind of evidence");
        }
        meanAttribution = meanAttribution.clone();
        meanRaised = meanRaised.clone();
        meanLowered = meanLowered.clone();
        rankings = rankings.stream().map(List::copyOf).toList();
    }

    @Override
    public float[] meanAttribution() {
        return meanAttribution.clone();
    }

    @Override
    public float[] meanRaised() {
        return meanRaised.clone();
    }

    @Override
    public float[] meanLowered() {
        return meanLowered.clone();
    }

    public float mean(int gene, int time) {
        return meanAttribution[gene * timeSteps + time];
    }

    /** The mean attribution of a gene at a time step from one kind of expression only. */
    public float mean(Evidence evidence, int gene, int time) {
        float[] values = switch (evidence) {
            case ALL -> meanAttribution;
            case RAISED -> meanRaised;
            case LOWERED -> meanLowered;
        };
        return values[gene * timeSteps + time];
    }

    /** Every gene, ranked by its mean attribution from {@code evidence}. */
    public List<GeneScore> ranking(Evidence evidence) {
        return rankings.get(evidence.ordinal());
    }

    /** The first {@code n} genes of a ranking (fewer when there are fewer genes). */
    public List<GeneScore> top(Evidence evidence, int n) {
        List<GeneScore> ranking = ranking(evidence);
        return ranking.subList(0, Math.min(n, ranking.size()));
    }

    /** Summarises the attributions of one class's sequences (none gives zero everywhere). */
    static ClassAttribution of(int classIndex, String className, List<SequenceAttribution> members,
                               List<String> genes, int timeSteps) {
        int geneCount = genes.size();
        double[] sum = new double[geneCount * timeSteps];
        double[] raisedSum = new double[geneCount * timeSteps];
        double[] absolute = new double[geneCount];
        for (SequenceAttribution member : members) {
            float[] values = member.values();
            float[] raised = member.raisedPart();
            for (int g = 0; g < geneCount; g++) {
                double overTime = 0;
                for (int t = 0; t < timeSteps; t++) {
                    sum[g * timeSteps + t] += values[g * timeSteps + t];
                    raisedSum[g * timeSteps + t] += raised[g * timeSteps + t];
                    overTime += values[g * timeSteps + t];
                }
                absolute[g] += Math.abs(overTime);
            }
        }
        int n = Math.max(1, members.size());
        float[] mean = new float[sum.length];
        float[] meanRaised = new float[sum.length];
        float[] meanLowered = new float[sum.length];
        for (int k = 0; k < sum.length; k++) {
            mean[k] = (float) (sum[k] / n);
            meanRaised[k] = (float) (raisedSum[k] / n);
            meanLowered[k] = (float) ((sum[k] - raisedSum[k]) / n);
        }
        List<GeneScore> scores = new ArrayList<>(geneCount);
        for (int g = 0; g < geneCount; g++) {
            double signed = 0;
            double raised = 0;
            for (int t = 0; t < timeSteps; t++) {
                signed += sum[g * timeSteps + t];
                raised += raisedSum[g * timeSteps + t];
            }
            scores.add(new GeneScore(0, genes.get(g), g, signed / n, absolute[g] / n, raised / n,
                    (signed - raised) / n));
        }
        List<List<GeneScore>> rankings = new ArrayList<>();
        for (Evidence evidence : Evidence.values()) {
            List<GeneScore> sorted = new ArrayList<>(scores);
            sorted.sort(Comparator.comparingDouble(evidence::of).reversed().thenComparing(GeneScore::geneIndex));
            List<GeneScore> ranked = new ArrayList<>(geneCount);
            for (int r = 0; r < sorted.size(); r++) {
                ranked.add(sorted.get(r).ranked(r + 1));
            }
            rankings.add(ranked);
        }
        return new ClassAttribution(classIndex, className, members.size(), mean, meanRaised, meanLowered,
                timeSteps, rankings);
    }
}

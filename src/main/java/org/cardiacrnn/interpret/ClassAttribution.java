package org.cardiacrnn.interpret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a class's correctly classified sequences have in common: their mean attribution per gene and time step,
 * and the genes ranked by their signed mean attribution, so the top genes are the evidence for the class (a gene
 * whose low level argues for it counts as evidence too; genes that argued against it sink to the bottom, and
 * {@link GeneScore#meanAbsoluteAttribution()} still says how much a gene mattered either way).
 *
 * @param meanAttribution mean over the sequences, {@code [gene * timeSteps + t]}
 */
public record ClassAttribution(int classIndex, String className, int sequences, float[] meanAttribution,
                               int timeSteps, List<GeneScore> ranking) {

    public ClassAttribution {
        meanAttribution = meanAttribution.clone();
        ranking = List.copyOf(ranking);
    }

    @Override
    public float[] meanAttribution() {
        return meanAttribution.clone();
    }

    public float mean(int gene, int time) {
        return meanAttribution[gene * timeSteps + time];
    }

    /** The first {@code n} genes of the ranking (fewer when there are fewer genes). */
    public List<GeneScore> top(int n) {
        return ranking.subList(0, Math.min(n, ranking.size()));
    }

    /** Summarises the attributions of one class's sequences (none gives zero everywhere). */
    static ClassAttribution of(int classIndex, String className, List<SequenceAttribution> members,
                               List<String> genes, int timeSteps) {
        int geneCount = genes.size();
        double[] sum = new double[geneCount * timeSteps];
        double[] absolute = new double[geneCount];
        for (SequenceAttribution member : members) {
            float[] values = member.values();
            for (int g = 0; g < geneCount; g++) {
                double overTime = 0;
                for (int t = 0; t < timeSteps; t++) {
                    sum[g * timeSteps + t] += values[g * timeSteps + t];
                    overTime += values[g * timeSteps + t];
                }
                absolute[g] += Math.abs(overTime);
            }
        }
        int n = Math.max(1, members.size());
        float[] mean = new float[sum.length];
        for (int k = 0; k < sum.length; k++) {
            mean[k] = (float) (sum[k] / n);
        }
        List<GeneScore> scores = new ArrayList<>(geneCount);
        for (int g = 0; g < geneCount; g++) {
            double signed = 0;
            for (int t = 0; t < timeSteps; t++) {
                signed += sum[g * timeSteps + t];
            }
            scores.add(new GeneScore(0, genes.get(g), g, signed / n, absolute[g] / n));
        }
        scores.sort(Comparator.comparingDouble(GeneScore::meanAttribution).reversed()
                .thenComparing(GeneScore::geneIndex));
        List<GeneScore> ranked = new ArrayList<>(geneCount);
        for (int r = 0; r < scores.size(); r++) {
            GeneScore score = scores.get(r);
            ranked.add(new GeneScore(r + 1, score.gene(), score.geneIndex(), score.meanAttribution(),
                    score.meanAbsoluteAttribution()));
        }
        return new ClassAttribution(classIndex, className, members.size(), mean, timeSteps, ranked);
    }
}

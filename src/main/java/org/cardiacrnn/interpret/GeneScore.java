package org.cardiacrnn.interpret;

/**
 * One gene's share in a class's attributions, each summed over time steps and averaged over sequences.
 *
 * @param rank                      1 for the gene with the largest (signed) mean attribution
 * @param gene                      gene name
 * @param geneIndex                 column of the gene in the data
 * @param meanAttribution           signed: positive genes raised the class's probability on average; the ranking key
 * @param meanAbsoluteAttribution   how much the gene mattered either way
 */
public record GeneScore(int rank, String gene, int geneIndex, double meanAttribution,
                        double meanAbsoluteAttribution) {
}

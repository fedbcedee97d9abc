package org.cardiacrnn.interpret;

/**
 * One gene's share in a class's attributions, each summed over time steps and averaged over sequences.
 *
 * @param rank                      1 for the first gene of the ranking this score belongs to
 * @param gene                      gene name
 * @param geneIndex                 column of the gene in the data
 * @param meanAttribution           signed: positive genes raised the class's output on average; the sum of the
 *                                  two parts below
 * @param meanAbsoluteAttribution   how much the gene mattered either way
 * @param raisedAttribution         the part from time steps where the gene lay above the baseline
 * @param loweredAttribution        the part from time steps where it lay below
 */
public record GeneScore(int rank, String gene, int geneIndex, double meanAttribution,
                        double meanAbsoluteAttribution, double raisedAttribution, double loweredAttribution) {

    GeneScore ranked(int newRank) {
        return new GeneScore(newRank, gene, geneIndex, meanAttribution, meanAbsoluteAttribution, raisedAttribution,
                loweredAttribution);
    }
}

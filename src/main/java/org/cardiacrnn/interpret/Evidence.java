package org.cardiacrnn.interpret;

/**
 * Which part of a gene's attribution ranks it. A cell of the gene × time grid argues for a class either through
 * expression above the baseline (by default the classes' mean at the same time point: a marker the class
 * switches on) or through expression below it (a gene the class switches off, or another lineage's marker that
 * it lacks). A biologist reads the two differently, so besides the signed sum of both, each class is ranked by
 * each part alone.
 */
public enum Evidence {
    /** All evidence: the signed attribution, the sum of the two parts below (the ranking the issue asks for). */
    ALL("all"),
    /** Expression above the baseline: the class's markers first. */
    RAISED("raised"),
    /** Expression below the baseline: genes whose low level argues for the class first. */
    LOWERED("lowered");

    private final String cliName;

    Evidence(String cliName) {
        this.cliName = cliName;
    }

    /** The name in {@code top-genes.csv}'s {@code ranking} column. */
    public String cliName() {
        return cliName;
    }

    /** The ranking key of {@code score}: its mean attribution from this kind of expression. */
    public double of(GeneScore score) {
        return switch (this) {
            case ALL -> score.meanAttribution();
            case RAISED -> score.raisedAttribution();
            case LOWERED -> score.loweredAttribution();
        };
    }
}

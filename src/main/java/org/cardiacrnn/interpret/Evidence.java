package org.cardiacrnn.interpret;

/**
 * Which part of a gene's attribution ranks it. A cell of the gene × time grid argues for a class either through
 * expression above the baseline (the training mean: a marker the class switches on) or through expression below
 * it (a gene the class switches off, or another lineage's marker that it lacks). The signed attribution mixes
 * the two; a biologist reads them differently, so each class has one ranking per part.
 */
public enum Evidence {
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
        return this == RAISED ? score.raisedAttribution() : score.loweredAttribution();
    }
}

package org.cardiacrnn.runs;

import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * Everything needed to repeat a run: its name, the preset it started from, the data, how sequences and
 * splits were made, and the hyperparameters. Saved as config.json (with software versions and a dataset
 * fingerprint added by the run folder), read back by {@code train --config} and by "clone" in the GUI.
 */
public record RunConfig(String name, String preset, DataSpec data, PreparationConfig preparation,
                        Hyperparameters hyperparameters) {
}

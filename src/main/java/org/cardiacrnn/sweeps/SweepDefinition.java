package org.cardiacrnn.sweeps;

import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.sequences.PreparationConfig;

/**
 * Everything a sweep needs to run again after a restart: the spec, where the data came from and how its
 * sequences and splits are made. Saved as sweep.json.
 *
 * @param createdAt       ISO-8601 instant
 * @param dataFingerprint the loaded matrix's {@link org.cardiacrnn.runs.DatasetFingerprint}, which every worker
 *                        checks before it trains; null in sweeps made before it was recorded
 */
public record SweepDefinition(SweepSpec spec, DataSpec data, PreparationConfig preparation, String createdAt,
                              String dataFingerprint) {
}

package org.cardiacrnn.evaluation;

import java.util.List;

/**
 * Reliability of the top-class confidence in equal-width bins. The expected calibration error is the
 * count-weighted mean of |accuracy − mean confidence| over the non-empty bins.
 */
public record Calibration(List<ReliabilityBin> bins, double expectedCalibrationError) {

    public Calibration {
        bins = List.copyOf(bins);
    }
}

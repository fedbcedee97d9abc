package org.cardiacrnn.figures;

/**
 * Expression of one gene along one trajectory: mean and standard deviation at each time point.
 *
 * @param trajectory trajectory or lineage name, shown in the legend
 * @param time       time points (e.g. day), ascending
 * @param mean       mean expression per time point
 * @param sd         standard deviation per time point (0 where a time point has one sample)
 */
public record TrajectoryStats(String trajectory, double[] time, double[] mean, double[] sd) {

    public TrajectoryStats {
        if (time.length != mean.length || time.length != sd.length) {
            throw new IllegalArgumentException(trajectory + ": time, mean and sd must have the same length");
        }
        time = time.clone();
        mean = mean.clone();
        sd = sd.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }
}

package org.cardiacrnn.nn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("hardware")
class PeakFlopsTest {

    @Test
    void measuresAPlausibleFloatRateForTheCoresOfThisMachine() {
        double gflopPerSecond = PeakFlops.measure();

        // Any CPU that runs this suite does more than 1 GFLOP/s per core, and none does 10,000 on two cores.
        int cores = Math.min(2, Runtime.getRuntime().availableProcessors());
        assertThat(gflopPerSecond).isFinite().isGreaterThan(cores).isLessThan(10_000);
    }
}

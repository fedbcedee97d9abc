package org.cardiacrnn.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedrawPacerTest {

    @Test
    void iterationsEveryFiftyMillisecondsRedrawTwiceASecond() {
        RedrawPacer pacer = new RedrawPacer(500);
        int redraws = 0;
        // Ten seconds of mini-batches reported every 50 ms (the event coalescer's rate).
        for (long now = 1_000; now < 11_000; now += 50) {
            redraws += pacer.due(false, now) ? 1 : 0;
        }
        assertThat(redraws).isEqualTo(20);
    }

    @Test
    void anEpochIsDrawnAtOnceAndRestartsTheInterval() {
        RedrawPacer pacer = new RedrawPacer(500);
        assertThat(pacer.due(false, 1_000)).isTrue();
        assertThat(pacer.due(false, 1_100)).isFalse();
        assertThat(pacer.due(true, 1_150)).isTrue();
        assertThat(pacer.due(false, 1_600)).isFalse();
        assertThat(pacer.due(false, 1_650)).isTrue();
    }
}

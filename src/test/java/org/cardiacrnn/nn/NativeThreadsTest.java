package org.cardiacrnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeThreadsTest {

    @Test
    void setsBlasAndMasterThreadsAndCanRestoreThem() {
        int before = Nd4j.factory().blas().getMaxThreads();
        try {
            assertThat(NativeThreads.configure(1)).isEqualTo(1);
            assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(1);
            assertThat(NativeThreads.describe()).contains("BLAS 1");
        } finally {
            NativeThreads.configure(before);
        }
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(before);
    }

    @Test
    void rejectsZeroThreads() {
        assertThatThrownBy(() -> NativeThreads.configure(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}

package org.cardiacrnn.hyperparameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperparametersTest {

    @Test
    void methodologyPresetHoldsThePublishedDefaults() {
        Hyperparameters hp = Hyperparameters.preset("methodology");
        assertThat(hp.bidirectional()).isTrue();
        assertThat(hp.layers()).isEqualTo(3);
        assertThat(hp.hiddenUnits()).isEqualTo(256);
        assertThat(hp.dropout()).isEqualTo(0.5);
        assertThat(hp.batchSize()).isEqualTo(16);
        assertThat(hp.epochs()).isEqualTo(30);
        assertThat(hp.loss()).isEqualTo(Hyperparameters.Loss.FOCAL);
        assertThat(hp.focalGamma()).isEqualTo(3.0);
        assertThat(hp.plateauFactor()).isEqualTo(0.3);
        assertThat(hp.earlyStoppingPatience()).isEqualTo(8);
        assertThat(hp.seed()).isEqualTo(42);
    }

    @Test
    void invalidValuesAreExplainedInPlainWords() {
        assertThatThrownBy(() -> Hyperparameters.quick().withOverride("dropout", "1.2"))
                .isInstanceOf(ConfigException.class).hasMessage("dropout must be in [0, 1); got 1.2");
        assertThatThrownBy(() -> Hyperparameters.quick().withOverride("layers", "0"))
                .hasMessageContaining("layers must be between 1 and 10; got 0");
        assertThatThrownBy(() -> Hyperparameters.quick().withOverride("learningRate", "abc"))
                .hasMessageContaining("\"abc\" is not a valid value for learningRate");
        assertThatThrownBy(() -> Hyperparameters.quick().withOverride("pooling", "median"))
                .hasMessageContaining("pooling").hasMessageContaining("MEAN");
        assertThatThrownBy(() -> Hyperparameters.quick().withOverride("hidden", "64"))
                .hasMessageContaining("unknown hyperparameter \"hidden\"").hasMessageContaining("hiddenUnits");
        assertThatThrownBy(() -> Hyperparameters.preset("fast")).hasMessageContaining("methodology");
    }

    @Test
    void overridesChangeOneFieldOnly() {
        Hyperparameters changed = Hyperparameters.methodology().withOverride("hiddenUnits", "64")
                .withOverride("bidirectional", "false").withOverride("pooling", "max");
        assertThat(changed.hiddenUnits()).isEqualTo(64);
        assertThat(changed.bidirectional()).isFalse();
        assertThat(changed.pooling()).isEqualTo(Hyperparameters.Pooling.MAX);
        assertThat(changed.layers()).isEqualTo(3);
    }

    @Test
    void jsonRoundTripsAndPartialFilesKeepTheDefaults(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("hp.json");
        Hyperparameters quick = Hyperparameters.quick();
        quick.save(file);
        assertThat(Hyperparameters.load(file)).isEqualTo(quick);

        Files.writeString(file, "{\"epochs\": 5}");
        Hyperparameters partial = Hyperparameters.load(file);
        assertThat(partial.epochs()).isEqualTo(5);
        assertThat(partial.hiddenUnits()).isEqualTo(256);

        Files.writeString(file, "{\"dropout\": 2}");
        assertThatThrownBy(() -> Hyperparameters.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hp.json").hasMessageContaining("dropout must be in [0, 1); got 2");
        Files.writeString(file, "{\"epochs\": ");
        assertThatThrownBy(() -> Hyperparameters.load(file)).hasMessageContaining("hp.json");
    }
}

package org.cardiacrnn.hyperparameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Test
    void insideAnotherSavedFileJacksonWritesTheFieldsAsTheRecordDidAndReadsThemBack() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Hyperparameters quick = Hyperparameters.quick();

        String written = mapper.writeValueAsString(Map.of("hyperparameters", quick));

        // Byte for byte what the record wrote before hyperparameters were stored by descriptor; new keys follow.
        assertThat(written).startsWith("{\"hyperparameters\":{\"cell\":\"LSTM\",\"bidirectional\":true,\"layers\":1,"
                + "\"hiddenUnits\":32,\"dropout\":0.2,\"pooling\":\"MEAN\",\"denseUnits\":32,\"optimiser\":\"ADAM\","
                + "\"learningRate\":0.003,\"weightDecay\":0.0,\"momentum\":0.9,\"l2\":1.0E-4,\"batchSize\":32,"
                + "\"epochs\":8,\"gradientClip\":1.0,\"loss\":\"CROSS_ENTROPY\",\"focalAlpha\":1.0,\"focalGamma\":2.0,"
                + "\"scheduler\":\"REDUCE_ON_PLATEAU\",\"plateauFactor\":0.5,\"plateauPatience\":3,"
                + "\"minLearningRate\":1.0E-6,\"earlyStoppingPatience\":4,\"earlyStoppingMetric\":\"VALIDATION_LOSS\","
                + "\"noiseSigma\":0.01,\"temporalDropout\":0.0,\"shuffleProbability\":0.0,\"seed\":42,"
                + "\"weightInit\":\"XAVIER\"");
        String json = mapper.readTree(written).get("hyperparameters").toString();
        assertThat(mapper.readValue(json, Hyperparameters.class)).isEqualTo(quick);
        assertThat(mapper.readValue("{\"epochs\":5,\"fromANewerVersion\":1}", Hyperparameters.class))
                .isEqualTo(Hyperparameter.EPOCHS.with(Hyperparameters.methodology(), 5));
    }

    @Test
    void equalValuesAreEqualAndEveryDescriptorReadsItsOwnValue() {
        Hyperparameters quick = Hyperparameters.quick();
        Hyperparameters same = Hyperparameters.quick().toBuilder().build();
        Hyperparameters other = Hyperparameter.DROPOUT.with(quick, 0.3);

        assertThat(same).isEqualTo(quick).hasSameHashCodeAs(quick).hasToString(quick.toString());
        assertThat(other).isNotEqualTo(quick);
        assertThat(other.get(Hyperparameter.DROPOUT)).isEqualTo(0.3);
        assertThat(other.dropout()).isEqualTo(0.3);
        assertThat(quick.toString()).startsWith("Hyperparameters[cell=LSTM, bidirectional=true, layers=1, ");
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            assertThat(hyperparameter.get(Hyperparameters.methodology())).as(hyperparameter.key())
                    .isEqualTo(hyperparameter.defaultValue());
        }
    }
}

package org.cardiacrnn.hyperparameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class HyperparameterTest {

    @Test
    void savedKeysKeepTheirOrderAndEveryKeyHasItsMessages() {
        // The order of config.json, saved models and sweep files, which earlier versions wrote; new keys may join.
        assertThat(Hyperparameter.keys()).containsSubsequence("cell", "bidirectional", "layers", "hiddenUnits",
                "dropout", "pooling", "denseUnits", "optimiser", "learningRate", "weightDecay", "momentum", "l2",
                "batchSize", "epochs", "gradientClip", "loss", "focalAlpha", "focalGamma", "scheduler",
                "plateauFactor", "plateauPatience", "minLearningRate", "earlyStoppingPatience", "earlyStoppingMetric",
                "noiseSigma", "temporalDropout", "shuffleProbability", "seed", "weightInit");
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            assertThat(hyperparameter.labelKey()).isEqualTo("hp." + hyperparameter.key());
            assertThat(hyperparameter.helpKey()).isEqualTo("hp." + hyperparameter.key() + ".help");
        }
    }

    @Test
    void everyValueOfBothPresetsSurvivesFormattingAndParsing() {
        for (Hyperparameters preset : List.of(Hyperparameters.methodology(), Hyperparameters.quick())) {
            for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
                assertRoundTrip(hyperparameter, preset);
            }
        }
    }

    private static <T> void assertRoundTrip(Hyperparameter<T> hyperparameter, Hyperparameters hp) {
        T value = hyperparameter.get(hp);
        assertThat(hyperparameter.parse(hyperparameter.format(value))).as(hyperparameter.key()).isEqualTo(value);
        assertThat(hyperparameter.with(hp, value)).isEqualTo(hp);
    }

    @Test
    void copyWithChangesOneValueAndChecksItAgainstItsRange() {
        Hyperparameters quick = Hyperparameters.quick();

        Hyperparameters wider = Hyperparameter.HIDDEN_UNITS.with(quick, 48);

        assertThat(wider.hiddenUnits()).isEqualTo(48);
        assertThat(wider.toBuilder().set(Hyperparameter.HIDDEN_UNITS, quick.hiddenUnits()).build()).isEqualTo(quick);
        assertThatThrownBy(() -> Hyperparameter.PLATEAU_FACTOR.with(quick, 1.0)).isInstanceOf(ConfigException.class)
                .hasMessage("plateauFactor must be in (0, 1); got 1");
        assertThatThrownBy(() -> Hyperparameter.LEARNING_RATE.with(quick, Double.NaN))
                .hasMessage("learningRate must be above 0; got NaN");
        assertThatThrownBy(() -> Hyperparameter.MIN_LEARNING_RATE.with(quick, 0.1))
                .hasMessageContaining("minLearningRate must be between 0 and learningRate");
        assertThatThrownBy(() -> Hyperparameter.BIDIRECTIONAL.withText(quick, "yes"))
                .hasMessageContaining("\"yes\" is not a valid value for bidirectional");
    }

    @Test
    void describesUnitsRangesAndCategories() {
        assertThat(Hyperparameter.EPOCHS.unit()).isEqualTo("epochs");
        assertThat(Hyperparameter.EPOCHS.isWhole()).isTrue();
        assertThat(Hyperparameter.DROPOUT.isWhole()).isFalse();
        assertThat(Hyperparameter.DROPOUT.range().contains(0.0)).isTrue();
        assertThat(Hyperparameter.DROPOUT.range().contains(1.0)).isFalse();
        assertThat(Hyperparameter.POOLING.choices()).containsExactly(Hyperparameters.Pooling.values());
        assertThat(Hyperparameter.FOCAL_GAMMA.category()).isEqualTo(Hyperparameter.Category.LOSS);
        assertThat(Hyperparameter.Category.SCHEDULE.messageKey()).isEqualTo("category.schedule");
    }

    @Test
    void aBuilderStartsFromTheDefaultsWhichAreTheMethodology() {
        Hyperparameters two = Hyperparameters.builder().set(Hyperparameter.LAYERS, 2).build();

        assertThat(two.layers()).isEqualTo(2);
        assertThat(two.toBuilder().set(Hyperparameter.LAYERS, 3).build()).isEqualTo(Hyperparameters.methodology());
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            assertThat(hyperparameter.get(Hyperparameters.methodology())).as(hyperparameter.key())
                    .isEqualTo(hyperparameter.defaultValue());
        }
        assertThatThrownBy(() -> Hyperparameter.byKey("hidden")).hasMessageContaining("hiddenUnits");
    }

    @Test
    void theQuickPresetDiffersFromTheDefaultsOnlyWhereItSaysSo() {
        List<String> changed = Hyperparameter.all().stream()
                .filter(h -> !h.get(Hyperparameters.quick()).equals(h.defaultValue()))
                .map(Hyperparameter::key).toList();

        assertThat(changed).containsExactly("layers", "hiddenUnits", "dropout", "denseUnits", "learningRate", "l2",
                "batchSize", "epochs", "gradientClip", "loss", "focalGamma", "plateauFactor", "plateauPatience",
                "minLearningRate", "earlyStoppingPatience");
    }

    @Test
    void aConfigWithoutAKeyReadsItAsItsDefault() {
        Hyperparameters read = Hyperparameters.fromJson("{\"layers\": 2}", "old-config.json");

        assertThat(read.layers()).isEqualTo(2);
        assertThat(read.weightInit()).isEqualTo(Hyperparameter.WEIGHT_INIT.defaultValue());
        assertThat(read.seed()).isEqualTo(Hyperparameter.SEED.defaultValue());
    }

    @Test
    void jacksonReadsAMissingKeyAsItsDefaultNotZeroAndLeavesOutUnknownOnes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode saved = json.valueToTree(Hyperparameters.quick());
        saved.remove(Hyperparameter.PLATEAU_PATIENCE.key());
        saved.remove(Hyperparameter.WEIGHT_INIT.key());
        saved.put("aSettingOfANewerVersion", 3);

        Hyperparameters read = json.treeToValue(saved, Hyperparameters.class);

        assertThat(read.plateauPatience()).isEqualTo(Hyperparameter.PLATEAU_PATIENCE.defaultValue());
        assertThat(read.weightInit()).isEqualTo(Hyperparameter.WEIGHT_INIT.defaultValue());
        assertThat(read.hiddenUnits()).isEqualTo(Hyperparameters.quick().hiddenUnits());
        assertThat(json.treeToValue(json.valueToTree(Hyperparameters.quick()), Hyperparameters.class))
                .isEqualTo(Hyperparameters.quick());
    }
}

package org.cardiacrnn.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.runs.RunStore;
import org.junit.jupiter.api.Test;

class RunNamesTest {

    @Test
    void runsOfOnePresetReadApartByTimeAndChangedSettings() {
        Hyperparameters quick = Hyperparameters.quick();
        String first = RunNames.of("quick", quick, "Cardiac differentiation (synthetic sample)", LocalTime.of(9, 5, 1));
        String second = RunNames.of("quick", quick, "Cardiac differentiation (synthetic sample)",
                LocalTime.of(9, 7, 30));
        assertThat(first).isEqualTo("quick · cardiac-differentiation-synthetic-sample · 09:05:01");
        assertThat(second).isNotEqualTo(first).endsWith("09:07:30");

        String edited = RunNames.of("quick", quick.withOverride("epochs", "1").withOverride("dropout", "0.5"),
                "data", LocalTime.of(10, 0));
        assertThat(edited).startsWith("quick dropout=0.5 epochs=1 · data");
    }

    @Test
    void manyChangedSettingsAreCountedRatherThanListed() {
        Hyperparameters many = Hyperparameters.quick().withOverride("epochs", "1").withOverride("dropout", "0.5")
                .withOverride("batchSize", "8").withOverride("hiddenUnits", "16").withOverride("seed", "12345");
        String name = RunNames.of("quick", many, "data", LocalTime.NOON);
        assertThat(name).contains(" +" + (5 - RunNames.SETTINGS_NAMED) + " · ");
        assertThat(RunNames.changedSettings("quick", many)).hasSize(5);
        assertThat(RunNames.changedSettings("my settings", many)).as("no preset to differ from").isEmpty();
    }

    @Test
    void folderNamesOfRunNamesEndInAWholeWordNotAClippedTime() {
        Hyperparameters edited = Hyperparameters.quick().withOverride("epochs", "1");
        String name = RunNames.of("quick", edited, "Cardiac differentiation (synthetic sample)", LocalTime.of(9, 23));
        assertThat(RunStore.folderName(name)).isEqualTo("quick-epochs-1-cardiac-differentiation-synthetic-sample");
    }
}

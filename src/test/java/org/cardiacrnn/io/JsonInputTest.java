package org.cardiacrnn.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Test;

/** JSON errors name the file, line and column in plain words; fractions are never rounded into whole numbers. */
class JsonInputTest {

    @Test
    void aFractionWhereAWholeNumberIsExpectedIsNamedWithItsPlace() {
        String json = "{\n  \"layers\": 2,\n  \"hiddenUnits\": 16.7\n}\n";
        assertThatThrownBy(() -> Hyperparameters.fromJson(json, "hp.json"))
                .hasMessage("hp.json, line 3, column 18: \"hiddenUnits\" must be a whole number; got 16.7");
        assertThatCode(() -> Hyperparameters.fromJson("{\"hiddenUnits\": 16.0, \"dropout\": 0.5}", "hp.json"))
                .doesNotThrowAnyException();
    }

    @Test
    void syntaxErrorsAreOneLineWithoutJacksonInternals() {
        assertThatThrownBy(() -> Hyperparameters.fromJson("{\n  \"layers\": 2,\n  \"dropout\" 0.1\n}", "hp.json"))
                .hasMessageStartingWith("hp.json, line 3, column 13: not valid JSON: Unexpected character ('0'")
                .hasMessageNotContaining("Source:").hasMessageNotContaining("StreamReadFeature")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> JsonInput.check("{\"a\": [1, 2}", "x.json", Set.of()))
                .hasMessageStartingWith("x.json, line 1, column 12: not valid JSON");
    }

    @Test
    void sweepSpecsGetTheSameChecks() {
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"trials\": 2.5, \"parameters\": []}", "spec.json"))
                .hasMessage("spec.json, line 1, column 12: \"trials\" must be a whole number; got 2.5");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [{\"key\": \"dropout\", \"steps\": 3.5}]}",
                "spec.json")).hasMessageContaining("\"steps\" must be a whole number; got 3.5");
    }
}

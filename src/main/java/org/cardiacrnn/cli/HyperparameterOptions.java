package org.cardiacrnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.hyperparameters.Hyperparameters;

import picocli.CommandLine.Option;

/** A preset or a JSON file of hyperparameters, with single settings changed on the command line. */
final class HyperparameterOptions {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (seconds) or methodology (the published BiLSTM 3 × 256). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--hyperparameters", paramLabel = "FILE",
            description = "Hyperparameters as JSON (as the workbench saves them); replaces --preset.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change one hyperparameter, e.g. "
            + "--set hiddenUnits=64 --set epochs=10. Repeatable.")
    List<String> overrides = new ArrayList<>();

    Hyperparameters resolve() {
        Hyperparameters hp = file != null ? Hyperparameters.load(file) : Hyperparameters.preset(preset);
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new WorkbenchException("--set needs KEY=VALUE, e.g. --set epochs=10; got \"" + override + "\"");
            }
            hp = hp.withOverride(override.substring(0, equals).trim(), override.substring(equals + 1));
        }
        return hp;
    }

    String presetName() {
        return file != null ? "custom" : preset;
    }
}

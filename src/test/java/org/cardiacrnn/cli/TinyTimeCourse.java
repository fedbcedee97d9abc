package org.cardiacrnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.SequenceConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/** A labelled time course small enough to train in a second: 3 donors × 2 classes × 8 days, 6 genes. */
final class TinyTimeCourse {

    static final String HEADER = "sample,donor,stage,day,g1,g2,g3,g4,g5,g6";

    private TinyTimeCourse() {
    }

    static Path write(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int sample = 0;
        for (int donor = 1; donor <= 3; donor++) {
            for (int stage = 0; stage < 2; stage++) {
                for (int day = 0; day < 8; day++) {
                    text.append(String.format(Locale.ROOT, "s%02d,d%d,%s,%d", sample++, donor,
                            stage == 0 ? "atrial" : "ventricular", day));
                    for (int gene = 0; gene < 6; gene++) {
                        int trend = stage == 0 ? day * gene : day * (6 - gene);
                        text.append(',').append(5 + trend + random.nextInt(4));
                    }
                    text.append('\n');
                }
            }
        }
        Files.writeString(file, text);
        return file;
    }

    /** The run settings the tests train with: window 3, a small network, {@code epochs} epochs. */
    static RunConfig config(Path data, int epochs) {
        PreparationConfig honest = PreparationConfig.leakageFree("day", "stage", "donor");
        SequenceConfig sequences = honest.sequences();
        PreparationConfig preparation = new PreparationConfig(honest.preprocessing(), new SequenceConfig(
                sequences.builder(), 3, 1, sequences.timeColumn(), sequences.labelColumn(), sequences.groupColumn(),
                sequences.missingTimePoints()), honest.split());
        Hyperparameters hp = Hyperparameters.preset("quick").withOverride("epochs", Integer.toString(epochs))
                .withOverride("hiddenUnits", "4").withOverride("earlyStoppingPatience", "0");
        return new RunConfig("tiny", "quick", DataSpec.of(LoadRequest.of(data)), preparation, hp);
    }
}

package org.cardiacrnn.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.training.TrainedModel;
import org.cardiacrnn.training.Trainer;

/**
 * A run's own data, reloaded as its config.json records it, and checked against the fingerprint taken when the
 * run trained: evaluating or resuming on data that changed since would mix results of two datasets silently.
 */
public final class RunData {

    private RunData() {
    }

    /** The run folder at {@code path} (a run folder or a file inside one), in its workspace's run store. */
    public static RunFolder folder(Path path) {
        Path directory = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path absolute = directory.toAbsolutePath().normalize();
        Path runs = absolute.getParent();
        if (runs == null || runs.getParent() == null || !Files.isRegularFile(absolute.resolve("run.json"))) {
            throw new RunStoreException(path, "is not a run folder (it has no run.json)");
        }
        return new RunStore(runs.getParent()).open(absolute.getFileName().toString());
    }

    /**
     * Loads the data the run trained on and compares its fingerprint with the recorded one. On a mismatch it
     * fails naming the file and both fingerprints, unless {@code allowChanged}; then the mismatch goes to the
     * run's events and is returned as a note (null when the data are unchanged or no fingerprint was recorded).
     */
    public static Loaded load(RunFolder folder, RunConfig config, boolean allowChanged) {
        ExpressionData data = ExpressionLoader.load(config.data().toRequest());
        String recorded = folder.readConfig().path(RunFolder.FINGERPRINT_FIELD).asText(null);
        String now = DatasetFingerprint.of(data.matrix());
        if (recorded == null || recorded.equals(now)) {
            return new Loaded(data, null);
        }
        String change = config.data().matrix() + " has changed since run " + folder.id() + " used it (fingerprint "
                + "then " + recorded + ", now " + now + ")";
        if (!allowChanged) {
            throw new RunStoreException(Path.of(config.data().matrix()), "has changed since run " + folder.id()
                    + " used it (fingerprint then " + recorded + ", now " + now + "); add --allow-changed-data to go "
                    + "on with the data as they are now");
        }
        folder.logEvent("data changed (--allow-changed-data): " + change);
        return new Loaded(data, change);
    }

    /** True when {@code path} is a run folder without a saved model (it never finished an evaluation). */
    public static boolean unfinished(Path path) {
        return Files.isDirectory(path) && !Files.isRegularFile(path.resolve("model.zip"))
                && Files.isRegularFile(path.resolve("run.json"));
    }

    /**
     * A run that did not finish, as a {@link SavedRun} with its best checkpoint: its data are reloaded (and
     * checked) and prepared as recorded, which fits the same preprocessing the training used.
     */
    public static BestSoFar bestSoFar(Path path, boolean allowChanged) {
        RunFolder folder = folder(path);
        RunConfig config = folder.readConfig(RunConfig.class);
        Path checkpoints = folder.directory().resolve("checkpoints");
        int epoch = Trainer.checkpointEpoch(checkpoints);
        if (epoch == 0 && !Files.isRegularFile(checkpoints.resolve("best.zip"))) {
            throw new RunStoreException(folder.directory(), "has neither a trained model nor a checkpoint: no epoch "
                    + "of it finished");
        }
        Loaded loaded = load(folder, config, allowChanged);
        PreparedData prepared = DatasetPreparation.prepare(loaded.data(), config.preparation());
        TrainedModel model = Trainer.bestSoFar(checkpoints, prepared.classNames());
        if (model == null) {
            throw new RunStoreException(checkpoints, "holds no best weights (best.zip)");
        }
        String state = folder.status().state().name().toLowerCase(Locale.ROOT);
        String note = "run " + folder.id() + " is " + state + " after " + epoch + " epoch(s); using its best "
                + "checkpoint so far";
        return new BestSoFar(new SavedRun(folder.directory(), config, model, prepared.preprocessing()), prepared,
                loaded, note);
    }

    /** An unfinished run opened at its best checkpoint, with the data prepared for it. */
    public record BestSoFar(SavedRun run, PreparedData prepared, Loaded loaded, String note) {
    }

    /** The reloaded data and, when they changed but that was allowed, a note saying so. */
    public record Loaded(ExpressionData data, String changeNote) {
    }
}

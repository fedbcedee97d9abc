package org.cardiacrnn.interpret;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cardiacrnn.nn.ClassOutput;
import org.cardiacrnn.nn.NativeThreads;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainedModel;

/**
 * Integrated gradients over the 164 test sequences of the honest sample-data split (target: under 60 s with 32
 * steps on the methodology network, 2 cores), and what the attributions point at: how many of each class's
 * top 20 genes are the generator's programme genes for that class, for a network trained on the real labels and
 * one trained on shuffled labels. Not a unit test (minutes of training); run it after {@code mvn test-compile}:
 * {@code nice -n 19 java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.cardiacrnn.interpret.AttributionBenchmark [quick|methodology|speed] [steps] [OUTPUT...]}, OUTPUT one of
 * {@link ClassOutput} (default: each in turn, on the same two trained networks); {@code speed} times attribution
 * alone on an untrained methodology network. With {@code -DrecommendedPreprocessing=true} the data are prepared as
 * the CLI and GUI prepare them (CPM and log1p before the z-score) instead of with the bare defaults; with
 * {@code -Dseed=N} the networks are trained from seed N instead of the preset's; {@code -Dbaseline=KIND} (time-matched,
 * the default, training-mean or blurred) chooses the baseline.
 */
final class AttributionBenchmark {

    private AttributionBenchmark() {
    }

    public static void main(String[] args) {
        NativeThreads.configure();
        if (args.length > 0 && args[0].equals("speed")) {
            speed(args.length > 1 ? Integer.parseInt(args[1]) : 32);
            return;
        }
        Hyperparameters hp = Hyperparameters.preset(args.length > 0 ? args[0] : "methodology");
        Long seed = Long.getLong("seed");
        if (seed != null) {
            hp = hp.toBuilder().set(Hyperparameter.SEED, seed).build();
        }
        System.out.println("training seed " + hp.seed());
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        boolean recommended = Boolean.getBoolean("recommendedPreprocessing");
        System.out.println(recommended ? "preprocessing: CPM, log1p, z-score (what the CLI and GUI choose)"
                : "preprocessing: z-scores of the raw counts (PreprocessingConfig.defaults)");
        PreparedData data = ProgrammeRecall.honestSplit(recommended);
        long started = System.nanoTime();
        TrainedModel real = ProgrammeRecall.train(hp, data, false);
        System.out.printf(Locale.ROOT, "trained on real labels in %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.out.print(ProgrammeRecall.accuracy(real, data.test()));
        TrainedModel shuffled = ProgrammeRecall.train(hp, data, true);
        Baseline.Kind kind = Baseline.Kind.parse(System.getProperty("baseline", "time-matched"));
        Baseline baseline = switch (kind) {
            case TIME_MATCHED -> Baseline.timeMatched(data.test(), true);
            case TRAINING_MEAN -> Baseline.trainingMean(data.train());
            case BLURRED -> Baseline.blurred();
        };
        System.out.println("baseline: " + kind.cliName());
        for (ClassOutput output : outputs(args)) {
            Attributor.Settings settings = new Attributor.Settings(AttributionMethod.INTEGRATED_GRADIENTS, steps,
                    baseline, output);
            System.out.print(ProgrammeRecall.measure(real, data.test(), settings, 20).describe(
                    "real labels, integrated gradients of the " + output + " with " + steps + " steps over "
                            + data.test().sequenceCount() + " test sequences"));
            System.out.print(ProgrammeRecall.measure(shuffled, data.test(), settings, 20).describe(
                    "shuffled labels, " + output));
        }
    }

    /** The outputs named after the step count (PROBABILITY, LOG_PROBABILITY, LOGIT), or all three. */
    private static List<ClassOutput> outputs(String[] args) {
        if (args.length <= 2) {
            return List.of(ClassOutput.values());
        }
        return Arrays.stream(args, 2, args.length).map(ClassOutput::valueOf).toList();
    }

    /**
     * Speed alone, on an untrained methodology network (the arithmetic does not depend on the weights): wall time
     * and the process's CPU time, which on a busy shared machine says more than the wall clock.
     */
    private static void speed(int steps) {
        PreparedData data = ProgrammeRecall.honestSplit();
        var network = org.cardiacrnn.nn.NetworkFactory.build(Hyperparameters.methodology(),
                data.test().featureCount(), data.test().classCount(), null);
        Attributor attributor = new Attributor(network);
        Attributor.Settings settings = new Attributor.Settings(AttributionMethod.INTEGRATED_GRADIENTS, steps,
                Baseline.zero(data.test().featureCount()));
        int[] all = new int[data.test().sequenceCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int round = 1; round <= 2; round++) {
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            attributor.attribute(data.test(), all, data.test().labels(), settings, (done, total) -> { }, () -> false);
            System.out.printf(Locale.ROOT, "round %d: integrated gradients, %d steps, %d sequences: %.1f s wall, "
                    + "%.1f s CPU%n", round, steps, all.length, (System.nanoTime() - started) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9);
        }
    }
}

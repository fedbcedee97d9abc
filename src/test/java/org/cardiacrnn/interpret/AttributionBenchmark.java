package org.cardiacrnn.interpret;

import java.util.Locale;

import org.cardiacrnn.nn.NativeThreads;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainedModel;

/**
 * Integrated gradients over the 164 test sequences of the honest sample-data split (target: under 60 s with 32
 * steps on the methodology network, 2 cores), and what the attributions point at: how many of each class's
 * top 20 genes are the generator's programme genes for that class, for a network trained on the real labels and
 * one trained on shuffled labels. Not a unit test (minutes of training); run it after {@code mvn test-compile}:
 * {@code nice -n 19 java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.cardiacrnn.interpret.AttributionBenchmark [quick|methodology] [steps]}.
 */
final class AttributionBenchmark {

    private AttributionBenchmark() {
    }

    public static void main(String[] args) {
        NativeThreads.configure();
        Hyperparameters hp = Hyperparameters.preset(args.length > 0 ? args[0] : "methodology");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        PreparedData data = ProgrammeRecall.honestSplit();
        Attributor.Settings settings = new Attributor.Settings(AttributionMethod.INTEGRATED_GRADIENTS, steps,
                Baseline.zero(data.test().featureCount()));
        long started = System.nanoTime();
        TrainedModel real = ProgrammeRecall.train(hp, data, false);
        System.out.printf(Locale.ROOT, "trained on real labels in %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.out.print(ProgrammeRecall.measure(real, data.test(), settings, 20).describe(
                "real labels, integrated gradients with " + steps + " steps over " + data.test().sequenceCount()
                        + " test sequences"));
        TrainedModel shuffled = ProgrammeRecall.train(hp, data, true);
        System.out.print(ProgrammeRecall.measure(shuffled, data.test(), settings, 20).describe("shuffled labels"));
    }
}

package org.cardiacrnn.sweeps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Chooses each trial's values. Grid and random plans are fixed when the sweep starts, so a resumed sweep
 * runs exactly the trials it would have run; model-based (TPE) trials are chosen when they start, from the
 * results so far, and are reproducible from the same results and seed.
 */
public final class SweepPlanner {

    private final SweepSpec spec;

    public SweepPlanner(SweepSpec spec) {
        this.spec = spec;
    }

    /** Every trial of the sweep; TPE trials get their values later, from {@link #choose}. */
    public List<Trial> plan() {
        List<Trial> trials = new ArrayList<>();
        switch (spec.strategy()) {
            case GRID -> {
                List<Map<String, String>> grid = grid();
                for (int i = 0; i < grid.size(); i++) {
                    trials.add(Trial.pending(i + 1, grid.get(i)));
                }
            }
            case RANDOM -> {
                for (int number = 1; number <= spec.trials(); number++) {
                    trials.add(Trial.pending(number, random(number)));
                }
            }
            case TPE -> {
                for (int number = 1; number <= spec.trials(); number++) {
                    trials.add(Trial.pending(number, Map.of()));
                }
            }
        }
        return trials;
    }

    /** The values for a trial about to start, given every trial's state so far. */
    public Map<String, String> choose(Trial trial, List<Trial> all) {
        if (!trial.values().isEmpty()) {
            return trial.values();
        }
        List<Trial> observed = all.stream().filter(t -> t.objective() != null && t.number() != trial.number())
                .toList();
        if (observed.size() < TreeParzenEstimator.startupTrials(spec.trials())) {
            return random(trial.number());
        }
        return new TreeParzenEstimator(spec, random(trial.number(), 1)).propose(observed);
    }

    /** Every combination of the parameters' grid values, the first parameter varying slowest. */
    List<Map<String, String>> grid() {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (ParameterSpace parameter : spec.parameters()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : parameter.gridValues(SweepSpec.isInteger(parameter.key()))) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(parameter.key(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** Independent uniform draws (log-uniform on LOG ranges), seeded by the sweep seed and trial number. */
    Map<String, String> random(int number) {
        Random random = random(number, 0);
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpace parameter : spec.parameters()) {
            values.put(parameter.key(), draw(parameter, random));
        }
        return values;
    }

    static String draw(ParameterSpace parameter, Random random) {
        if (parameter.isList()) {
            return parameter.values().get(random.nextInt(parameter.values().size()));
        }
        return ParameterSpace.text(parameter.at(random.nextDouble()), SweepSpec.isInteger(parameter.key()));
    }

    private Random random(int number, int stream) {
        // Neighbouring seeds give java.util.Random nearly the same first draws; mixing them first does not.
        return new Random(new SplittableRandom(spec.seed() * 1_000_003L + number * 31L + stream).nextLong());
    }
}

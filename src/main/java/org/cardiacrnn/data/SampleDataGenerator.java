package org.cardiacrnn.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.io.AtomicFiles;

/**
 * The synthetic cardiac differentiation time course bundled with the workbench: iPSC → mesoderm →
 * cardiac progenitor, then four lineages (ventricular- and atrial-like cardiomyocytes, cardiac fibroblasts,
 * epicardial cells), sampled at days 0, 2, 5, 8 and 15 from four donors.
 *
 * <p>Counts are negative binomial (a gamma–Poisson mixture) around a mean of library size × a gene's
 * baseline × its programme, built on real marker genes. The lineages share their early states and
 * diverge from day 5 on, so early time points are genuinely harder to classify than late ones.
 * Everything comes from one seeded generator, so the same seed writes the same bytes.
 */
public final class SampleDataGenerator {

    public static final String FILE_NAME = "cardiac-differentiation.csv.gz";
    public static final List<String> TRAJECTORIES = List.of("ventricular_cm", "atrial_cm", "cardiac_fibroblast",
            "epicardial");
    public static final int[] DAYS = {0, 2, 5, 8, 15};
    public static final int DONORS = 4;
    public static final int SAMPLES_PER_DONOR_AND_DAY = 10;
    public static final int GENES = 2000;

    private static final double DISPERSION = 0.3;
    private static final int LINEAGE_GENES_PER_TRAJECTORY = 60;
    private static final int SHARED_TIME_GENES = 300;

    /** Log-fold changes by day index (0, 2, 5, 8, 15) for a group of marker genes. */
    private record Programme(List<String> genes, List<String> trajectories, double[] logFoldByDay) {
    }

    private static final List<String> ALL = TRAJECTORIES;
    private static final List<String> CARDIOMYOCYTES = List.of("ventricular_cm", "atrial_cm");

    private static final List<Programme> PROGRAMMES = List.of(
            new Programme(List.of("POU5F1", "NANOG", "SOX2", "LIN28A", "DPPA4"), ALL,
                    new double[] {3.5, 2.0, 0.5, 0, 0}),
            new Programme(List.of("TBXT", "MIXL1", "MESP1", "EOMES"), ALL, new double[] {0, 3.2, 1.0, 0, 0}),
            new Programme(List.of("KDR", "PDGFRA"), ALL, new double[] {0, 2.2, 1.8, 0.5, 0}),
            new Programme(List.of("ISL1", "HAND1", "HAND2", "TBX5", "MEF2C"), ALL,
                    new double[] {0, 0.5, 2.6, 1.4, 0.6}),
            new Programme(List.of("NKX2-5", "GATA4", "GATA6"), ALL, new double[] {0, 0.3, 2.4, 1.2, 0.6}),
            new Programme(List.of("NKX2-5", "GATA4", "TNNT2", "ACTN2", "TTN", "MYL4"), CARDIOMYOCYTES,
                    new double[] {0, 0, 0.4, 2.2, 3.4}),
            new Programme(List.of("MYL2", "IRX4", "MYH7", "HEY2"), List.of("ventricular_cm"),
                    new double[] {0, 0, 0.2, 1.2, 3.2}),
            new Programme(List.of("NR2F2", "MYL7", "NPPA", "KCNJ3", "MYH6", "TBX5"), List.of("atrial_cm"),
                    new double[] {0, 0, 0.2, 1.2, 3.2}),
            new Programme(List.of("NPPB"), CARDIOMYOCYTES, new double[] {0, 0, 0, 1.0, 2.0}),
            new Programme(List.of("COL1A1", "COL1A2", "COL3A1", "POSTN", "DDR2", "PDGFRB", "VIM"),
                    List.of("cardiac_fibroblast"), new double[] {0, 0, 0.3, 1.6, 3.0}),
            new Programme(List.of("TCF21"), List.of("cardiac_fibroblast", "epicardial"),
                    new double[] {0, 0, 0.3, 1.5, 2.5}),
            new Programme(List.of("WT1", "TBX18", "ALDH1A2", "UPK3B", "SEMA3D", "BNC1"), List.of("epicardial"),
                    new double[] {0, 0, 0.3, 1.6, 3.0}));

    private SampleDataGenerator() {
    }

    /** Writes {@code directory/cardiac-differentiation.csv.gz} (through a temporary file) and returns its path. */
    public static Path write(Path directory, long seed) {
        Path target = directory.resolve(FILE_NAME);
        try {
            AtomicFiles.write(target, out -> write(out, seed));
            return target;
        } catch (IOException failure) {
            throw new WorkbenchException("Cannot write the sample data into " + directory + ": "
                    + AtomicFiles.describe(failure), failure);
        }
    }

    /** Writes the gzip-compressed CSV to a stream. */
    public static void write(OutputStream out, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> genes = geneNames();
        int geneCount = genes.size();
        double[] baseline = new double[geneCount];
        for (int g = 0; g < geneCount; g++) {
            // Log-normal baseline abundance; marker genes start low and rise with their programme.
            baseline[g] = g < markerCount() ? Math.exp(0.5 + 0.5 * random.nextGaussian())
                    : Math.exp(1.2 + 1.1 * random.nextGaussian());
        }
        double[][] logFold = new double[TRAJECTORIES.size() * DAYS.length][geneCount];
        addMarkerProgrammes(logFold, genes);
        addBackgroundProgrammes(logFold, random, geneCount);
        double[][] donorEffect = new double[DONORS][geneCount];
        for (double[] donor : donorEffect) {
            for (int g = 0; g < geneCount; g++) {
                donor[g] = 0.2 * random.nextGaussian();
            }
        }

        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.US_ASCII), 1 << 16);
        writer.write("sample_id,donor,trajectory,day");
        for (String gene : genes) {
            writer.write(',');
            writer.write(gene);
        }
        writer.write('\n');
        int sample = 0;
        for (int t = 0; t < TRAJECTORIES.size(); t++) {
            for (int d = 0; d < DAYS.length; d++) {
                double[] programme = logFold[t * DAYS.length + d];
                for (int donor = 0; donor < DONORS; donor++) {
                    for (int k = 0; k < SAMPLES_PER_DONOR_AND_DAY; k++) {
                        sample++;
                        double library = Math.exp(0.25 * random.nextGaussian());
                        writer.write(String.format(Locale.ROOT, "S%04d,donor%d,%s,%d", sample, donor + 1,
                                TRAJECTORIES.get(t), DAYS[d]));
                        for (int g = 0; g < geneCount; g++) {
                            double mean = library * baseline[g] * Math.exp(programme[g] + donorEffect[donor][g]);
                            writer.write(',');
                            writer.write(Long.toString(negativeBinomial(random, mean)));
                        }
                        writer.write('\n');
                    }
                }
            }
        }
        writer.flush();
        gzip.finish();
    }

    /** Marker genes first (in programme order, each once), then background genes GENE0001…. */
    public static List<String> geneNames() {
        List<String> names = new ArrayList<>(markers());
        for (int i = 1; names.size() < GENES; i++) {
            names.add(String.format(Locale.ROOT, "GENE%04d", i));
        }
        return names;
    }

    private static List<String> markers() {
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (Programme programme : PROGRAMMES) {
            for (String gene : programme.genes()) {
                ordered.put(gene, true);
            }
        }
        return List.copyOf(ordered.keySet());
    }

    private static int markerCount() {
        return markers().size();
    }

    private static void addMarkerProgrammes(double[][] logFold, List<String> genes) {
        for (Programme programme : PROGRAMMES) {
            for (String gene : programme.genes()) {
                int g = genes.indexOf(gene);
                for (String trajectory : programme.trajectories()) {
                    int t = TRAJECTORIES.indexOf(trajectory);
                    for (int d = 0; d < DAYS.length; d++) {
                        logFold[t * DAYS.length + d][g] += programme.logFoldByDay()[d];
                    }
                }
            }
        }
    }

    /**
     * Background genes: some follow a time trend shared by every lineage (differentiation in general),
     * others a lineage-specific trend that only appears from day 5 on, weakly at first.
     */
    private static int[][] addBackgroundProgrammes(double[][] logFold, SplittableRandom random, int geneCount) {
        int first = markerCount();
        int[][] lineageGenes = new int[TRAJECTORIES.size()][LINEAGE_GENES_PER_TRAJECTORY];
        double[] lineageWeightByDay = {0, 0, 0.25, 0.7, 1.0};
        for (int i = 0; i < SHARED_TIME_GENES; i++) {
            int g = first + random.nextInt(geneCount - first);
            double slope = 0.8 * random.nextGaussian();
            for (int t = 0; t < TRAJECTORIES.size(); t++) {
                for (int d = 0; d < DAYS.length; d++) {
                    logFold[t * DAYS.length + d][g] += slope * d / (DAYS.length - 1.0);
                }
            }
        }
        for (int t = 0; t < TRAJECTORIES.size(); t++) {
            for (int i = 0; i < LINEAGE_GENES_PER_TRAJECTORY; i++) {
                int g = first + random.nextInt(geneCount - first);
                lineageGenes[t][i] = g;
                double effect = 1.2 * random.nextGaussian();
                for (int d = 0; d < DAYS.length; d++) {
                    logFold[t * DAYS.length + d][g] += effect * lineageWeightByDay[d];
                }
            }
        }
        return lineageGenes;
    }

    /**
     * The genes that carry a trajectory's signal in the data written with {@code seed}: the marker genes of every
     * programme that includes it, and its lineage-specific background genes. Checks of what a network learned
     * (which genes it attributes a class to) compare against this.
     */
    public static Set<String> programmeGenes(String trajectory, long seed) {
        int t = TRAJECTORIES.indexOf(trajectory);
        if (t < 0) {
            throw new IllegalArgumentException("no trajectory " + trajectory + " in the sample data");
        }
        Set<String> genes = new LinkedHashSet<>();
        for (Programme programme : PROGRAMMES) {
            if (programme.trajectories().contains(trajectory)) {
                genes.addAll(programme.genes());
            }
        }
        // Replays the generator's draws up to the background programmes, so the same seed names the same genes.
        SplittableRandom random = new SplittableRandom(seed);
        for (int g = 0; g < GENES; g++) {
            random.nextGaussian();
        }
        List<String> names = geneNames();
        int[][] lineage = addBackgroundProgrammes(new double[TRAJECTORIES.size() * DAYS.length][GENES], random, GENES);
        for (int g : lineage[t]) {
            genes.add(names.get(g));
        }
        return genes;
    }

    /** Gamma–Poisson draw with mean {@code mean} and dispersion {@link #DISPERSION} (variance m + φm²). */
    static long negativeBinomial(SplittableRandom random, double mean) {
        double shape = 1 / DISPERSION;
        double rate = gamma(random, shape) * mean / shape;
        return poisson(random, rate);
    }

    /** Marsaglia–Tsang gamma variate with unit scale (shape ≥ 1). */
    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Knuth's method for small means; above 30 the normal approximation (exact enough for synthetic counts). */
    private static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}

package org.cardiacrnn.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.io.AtomicFiles;

/**
 * A synthetic single-cell differentiation time course shaped like GSE175634: 19 lines × days 0, 1, 3, 5, 7, 11
 * and 15, cell states IPSC, MES, CMES, PROG, CM, CF and UNK, two lineages (cardiomyocyte, fibroblast) that part
 * after day 3, a pseudotime, and negative-binomial counts whose day, state and branch programmes let a classifier
 * learn the branch. Every cell is drawn from its own seeded generator, so the output depends only on the seed and
 * the size, and the matrix is streamed to disk without ever being held.
 */
public final class SingleCellGenerator {

    public static final List<Integer> DAYS = List.of(0, 1, 3, 5, 7, 11, 15);
    public static final int LINES = 19;
    public static final String METADATA_FILE = "cell-metadata.tsv";
    public static final String BRANCHES = "cardiomyocyte=IPSC,MES,CMES,CM;fibroblast=IPSC,MES,PROG,CF";
    private static final String[] STATES = {"IPSC", "MES", "CMES", "PROG", "CM", "CF", "UNK"};
    /** Genes with a day, state or branch programme; every other gene is background. */
    private static final int PROGRAMME_GENES = 7 * 8 + STATES.length * 8 + 2 * 24;
    private static final double DISPERSION = 2.0;
    private static final byte[] BASES = {'A', 'C', 'G', 'T'};

    private final int cells;
    private final int genes;
    private final long seed;
    private final double backgroundPerCell;
    private final double[] backgroundCdf;
    private final double[] programmeMean;

    /** What one call to {@link #write} produced. */
    public record Written(Path folder, Path metadata, long nonZeros) {
    }

    /**
     * @param nonZerosPerCell the average number of non-zero genes per cell (GSE175634 has about 1,000)
     */
    public SingleCellGenerator(int cells, int genes, int nonZerosPerCell, long seed) {
        if (cells < DAYS.size() * LINES || genes < PROGRAMME_GENES + 10 || nonZerosPerCell < 1) {
            throw new WorkbenchException("the single-cell generator needs at least " + DAYS.size() * LINES
                    + " cells, " + (PROGRAMME_GENES + 10) + " genes and 1 non-zero per cell");
        }
        this.cells = cells;
        this.genes = genes;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        programmeMean = new double[PROGRAMME_GENES];
        for (int g = 0; g < PROGRAMME_GENES; g++) {
            programmeMean[g] = 1.0 * Math.exp(0.5 * random.nextGaussian());
        }
        int background = genes - PROGRAMME_GENES;
        backgroundCdf = new double[background];
        double total = 0;
        for (int g = 0; g < background; g++) {
            // a heavy-tailed spread of expression, as real genes have
            total += Math.exp(1.0 * random.nextGaussian());
            backgroundCdf[g] = total;
        }
        for (int g = 0; g < background; g++) {
            backgroundCdf[g] /= total;
        }
        backgroundPerCell = Math.max(1, nonZerosPerCell - PROGRAMME_GENES * 0.45);
    }

    /** One cell's annotations. */
    record Cell(String barcode, String line, int day, String state, String branch, double pseudotime) {
    }

    Cell cell(int index) {
        SplittableRandom random = random(index);
        int group = index % (LINES * DAYS.size());
        int line = group / DAYS.size();
        int dayIndex = group % DAYS.size();
        int day = DAYS.get(dayIndex);
        // lines differ a little in how often they make cardiomyocytes, as real iPSC lines do
        boolean cardio = random.nextDouble() < 0.5 + 0.15 * Math.sin(line);
        String state = state(day, cardio, random);
        double pseudotime = Math.min(1, Math.max(0, (dayIndex + random.nextDouble()) / DAYS.size()));
        return new Cell(barcode(index), String.format("L%02d", line + 1), day, state,
                cardio ? "cardiomyocyte" : "fibroblast", pseudotime);
    }

    private static String state(int day, boolean cardio, SplittableRandom random) {
        double u = random.nextDouble();
        if (random.nextDouble() < 0.04) {
            return "UNK";
        }
        if (day == 0) {
            return "IPSC";
        }
        if (day == 1) {
            return u < 0.8 ? "MES" : "IPSC";
        }
        if (day == 3) {
            return u < 0.4 ? "MES" : cardio ? "CMES" : "PROG";
        }
        if (day == 5) {
            return cardio ? (u < 0.6 ? "CMES" : "CM") : (u < 0.6 ? "PROG" : "CF");
        }
        return cardio ? (u < 0.85 ? "CM" : "CMES") : (u < 0.85 ? "CF" : "PROG");
    }

    private SplittableRandom random(int cell) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + cell);
    }

    private static String barcode(int index) {
        byte[] bases = new byte[16];
        long value = index * 2654435761L & 0xFFFFFFFFL | (long) index << 32;
        for (int i = 0; i < 16; i++) {
            bases[i] = BASES[(int) (value >>> (2 * i) & 3)];
        }
        return new String(bases, StandardCharsets.US_ASCII) + "-1";
    }

    /** The cell's non-zero counts as sorted gene indices and values; returns how many there are. */
    int counts(int index, Cell cell, int[] geneOut, int[] countOut) {
        SplittableRandom random = random(index ^ 0x5bd1e995);
        double library = Math.exp(0.3 * random.nextGaussian());
        int dayIndex = DAYS.indexOf(cell.day());
        int stateIndex = Arrays.asList(STATES).indexOf(cell.state());
        boolean afterBranching = !cell.state().equals("IPSC") && !cell.state().equals("MES")
                && !cell.state().equals("UNK");
        int n = 0;
        for (int g = 0; g < PROGRAMME_GENES; g++) {
            double fold = 1;
            if (g < 7 * 8) {
                fold = g / 8 == dayIndex ? 8 : Math.abs(g / 8 - dayIndex) == 1 ? 3 : 1;
            } else if (g < 7 * 8 + STATES.length * 8) {
                fold = (g - 7 * 8) / 8 == stateIndex ? 6 : 1;
            } else if (afterBranching) {
                boolean cardioGene = g - 7 * 8 - STATES.length * 8 < 24;
                fold = cardioGene == cell.branch().equals("cardiomyocyte") ? 5 : 1;
            }
            int count = negativeBinomial(programmeMean[g] * fold * library, random);
            if (count > 0) {
                geneOut[n] = g;
                countOut[n++] = count;
            }
        }
        int background = poisson(backgroundPerCell * library, random);
        int start = n;
        for (int k = 0; k < background && n < geneOut.length; k++) {
            int at = Arrays.binarySearch(backgroundCdf, random.nextDouble());
            geneOut[n] = PROGRAMME_GENES + Math.min(backgroundCdf.length - 1, at < 0 ? -at - 1 : at);
            countOut[n++] = 1 + (random.nextDouble() < 0.3 ? poisson(1.5, random) : 0);
        }
        return mergeDuplicates(geneOut, countOut, start, n);
    }

    private static int mergeDuplicates(int[] genes, int[] counts, int start, int end) {
        long[] packed = new long[end - start];
        for (int i = start; i < end; i++) {
            packed[i - start] = (long) genes[i] << 32 | counts[i];
        }
        Arrays.sort(packed);
        int n = start;
        for (long p : packed) {
            int gene = (int) (p >>> 32);
            int count = (int) p;
            if (n > start && genes[n - 1] == gene) {
                counts[n - 1] += count;
            } else {
                genes[n] = gene;
                counts[n++] = count;
            }
        }
        return n;
    }

    private static int negativeBinomial(double mean, SplittableRandom random) {
        return poisson(gamma(DISPERSION, random) * mean / DISPERSION, random);
    }

    /** Marsaglia and Tsang's method, for shape >= 1. */
    private static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static int poisson(double mean, SplittableRandom random) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * Writes {@code DIR/filtered_feature_bc_matrix/} (matrix.mtx.gz, features.tsv.gz, barcodes.tsv.gz) and
     * {@code DIR/cell-metadata.tsv}; each file appears whole or not at all.
     */
    public Written write(Path out) {
        Path folder = out.resolve("filtered_feature_bc_matrix");
        try {
            Files.createDirectories(folder);
            long nonZeros = countNonZeros();
            AtomicFiles.write(folder.resolve("matrix.mtx.gz"), stream -> writeMatrix(stream, nonZeros));
            AtomicFiles.write(folder.resolve("features.tsv.gz"), stream -> {
                try (OutputStream gz = gzip(stream)) {
                    for (int g = 0; g < genes; g++) {
                        gz.write(String.format("ENSGSYN%08d\t%s\tGene Expression%n", g + 1, geneName(g))
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                }
            });
            AtomicFiles.write(folder.resolve("barcodes.tsv.gz"), stream -> {
                try (OutputStream gz = gzip(stream)) {
                    for (int c = 0; c < cells; c++) {
                        gz.write((barcode(c) + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                }
            });
            Path metadata = out.resolve(METADATA_FILE);
            AtomicFiles.write(metadata, stream -> {
                try (OutputStream buffered = new BufferedOutputStream(stream, 1 << 16)) {
                    buffered.write("barcode\tindividual\tdiffday\ttype\tdpt_pseudotime\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int c = 0; c < cells; c++) {
                        Cell cell = cell(c);
                        buffered.write(String.format(java.util.Locale.ROOT, "%s\t%s\tday%d\t%s\t%.4f%n",
                                cell.barcode(), cell.line(), cell.day(), cell.state(), cell.pseudotime())
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                }
            });
            return new Written(folder, metadata, nonZeros);
        } catch (IOException e) {
            throw new WorkbenchException("cannot write the single-cell data to " + out + ": "
                    + AtomicFiles.describe(e), e);
        }
    }

    static String geneName(int gene) {
        return gene < 7 * 8 ? "DAY" + DAYS.get(gene / 8) + "_" + (gene % 8 + 1)
                : gene < 7 * 8 + STATES.length * 8 ? STATES[(gene - 7 * 8) / 8] + "_" + (gene % 8 + 1)
                : gene < PROGRAMME_GENES ? (gene - 7 * 8 - STATES.length * 8 < 24 ? "CARDIO_" : "FIBRO_")
                + ((gene - 7 * 8 - STATES.length * 8) % 24 + 1)
                : String.format("GENE%05d", gene + 1);
    }

    private long countNonZeros() {
        int[] geneOut = new int[genes + (int) (backgroundPerCell * 20) + PROGRAMME_GENES];
        int[] countOut = new int[geneOut.length];
        long total = 0;
        for (int c = 0; c < cells; c++) {
            total += counts(c, cell(c), geneOut, countOut);
        }
        return total;
    }

    private void writeMatrix(OutputStream stream, long nonZeros) throws IOException {
        try (OutputStream gz = gzip(stream)) {
            gz.write(("%%MatrixMarket matrix coordinate integer general\n%metadata_json: {\"generator\": "
                    + "\"cardiac-rnn sample-data --single-cell\"}\n" + genes + " " + cells + " " + nonZeros + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int[] geneOut = new int[genes + (int) (backgroundPerCell * 20) + PROGRAMME_GENES];
            int[] countOut = new int[geneOut.length];
            byte[] line = new byte[40];
            for (int c = 0; c < cells; c++) {
                int n = counts(c, cell(c), geneOut, countOut);
                for (int k = 0; k < n; k++) {
                    int at = putInt(line, 0, geneOut[k] + 1);
                    line[at++] = ' ';
                    at = putInt(line, at, c + 1);
                    line[at++] = ' ';
                    at = putInt(line, at, countOut[k]);
                    line[at++] = '\n';
                    gz.write(line, 0, at);
                }
            }
        }
    }

    private static OutputStream gzip(OutputStream stream) throws IOException {
        // fast compression: the generated files are for testing readers, not for keeping
        return new BufferedOutputStream(new GZIPOutputStream(stream, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, 1 << 16);
    }

    private static int putInt(byte[] line, int at, int value) {
        String text = Integer.toString(value);
        for (int i = 0; i < text.length(); i++) {
            line[at++] = (byte) text.charAt(i);
        }
        return at;
    }
}

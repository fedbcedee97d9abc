package org.cardiacrnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a CSV/TSV/semicolon matrix (gzip allowed) in either orientation, with or without a header. */
final class DelimitedMatrixReader {

    private static final Set<String> ID_HEADERS = Set.of("", "sample", "sampleid", "samplename", "id", "cell",
            "cellid", "cellname", "barcode", "gene", "geneid", "genename", "symbol", "feature");

    private DelimitedMatrixReader() {
    }

    static MatrixRead read(LoadRequest request, List<String> geneFile, List<String> sampleFile, int annotationRows) {
        Path file = request.matrix();
        DelimitedLayout layout = DelimitedLayout.detect(file, request.metadataColumns());
        int skip = layout.hasHeader() ? 1 : 0;
        long rowHint = InputFiles.isGzip(file) ? -1 : countRows(file, skip);
        NumericTableParser.Body body;
        try (InputStream in = InputFiles.open(file)) {
            body = NumericTableParser.parse(in, file, layout.delimiter(), skip, layout.textColumns(),
                    layout.numericColumns(), rowHint);
        } catch (IOException e) {
            throw InputFiles.failure(file, 0, e);
        }
        if (body.rows() == 0) {
            throw new DataFormatException(file, "the file has no data rows");
        }
        List<String> header = layout.header();
        int text = layout.textColumns();
        List<String> textNames = new ArrayList<>();
        for (int c = 0; c < text; c++) {
            String name = header == null ? "column" + (c + 1) : header.get(c);
            textNames.add(name.isEmpty() ? "row_name" : name);
        }
        List<String> columnNames = header == null ? null : header.subList(text, header.size());
        List<String> rowNames = text > 0 ? body.textColumns().get(0) : null;
        OrientationGuess guess = OrientationGuess.decide(request.orientation(), new OrientationGuess.Evidence(
                body.rows(), body.numericColumns(), rowNames, columnNames, header == null ? null : header.get(0),
                text, geneFile == null ? -1 : geneFile.size(), sampleFile == null ? -1 : sampleFile.size(),
                annotationRows));
        List<String> warnings = new ArrayList<>();
        warnings.add("orientation " + guess.orientation() + ": " + guess.reason());
        if (body.missingCount() > 0) {
            warnings.add(body.missingCount() + " missing value(s) (empty, NA or NaN), first at line "
                    + body.firstMissingLine() + ", column " + body.firstMissingColumn()
                    + "; kept as NaN for the preprocessing's missing-value step to fill or drop");
        }
        String format = "delimited text (" + describe(layout.delimiter()) + (InputFiles.isGzip(file) ? ", gzip" : "")
                + (layout.hasHeader() ? ", header" : ", no header") + ", " + text + " annotation column(s))";
        if (guess.orientation() == Orientation.SAMPLES_BY_GENES) {
            return samplesByGenes(request, body, textNames, columnNames, geneFile, sampleFile, guess, format,
                    warnings);
        }
        return genesBySamples(request, body, textNames, columnNames, geneFile, sampleFile, guess, format, warnings);
    }

    private static MatrixRead samplesByGenes(LoadRequest request, NumericTableParser.Body body, List<String> textNames,
                                             List<String> columnNames, List<String> geneFile, List<String> sampleFile,
                                             OrientationGuess guess, String format, List<String> warnings) {
        Path file = request.matrix();
        List<String> genes = geneNames(file, columnNames, geneFile, body.numericColumns(), body.textColumns().size());
        int idColumn = idColumn(request, body, textNames);
        List<String> samples;
        if (idColumn >= 0) {
            samples = body.textColumns().get(idColumn);
        } else if (sampleFile != null) {
            Names.requireCount(request.sampleNames(), "sample id", sampleFile, body.rows(), "rows");
            samples = sampleFile;
        } else {
            samples = Names.generated("sample", body.rows());
            warnings.add("no sample-id column found: samples are named sample1…sample" + body.rows());
        }
        List<SampleMetadata.Column> columns = new ArrayList<>();
        for (int c = 0; c < textNames.size(); c++) {
            if (c != idColumn) {
                columns.add(SampleMetadata.Column.of(textNames.get(c), body.textColumns().get(c)));
            }
        }
        ExpressionMatrix matrix = new ExpressionMatrix(body.values(), samples, genes);
        return new MatrixRead(matrix, columns, guess.orientation(), guess.detected(), format, warnings);
    }

    private static MatrixRead genesBySamples(LoadRequest request, NumericTableParser.Body body, List<String> textNames,
                                             List<String> columnNames, List<String> geneFile, List<String> sampleFile,
                                             OrientationGuess guess, String format, List<String> warnings) {
        Path file = request.matrix();
        int genes = body.rows();
        int samples = body.numericColumns();
        List<String> geneNames;
        if (!textNames.isEmpty()) {
            geneNames = body.textColumns().get(0);
            requireUnique(file, geneNames, body.lineNumbers(), "gene name");
            if (textNames.size() > 1) {
                warnings.add("gene annotation columns " + textNames.subList(1, textNames.size()) + " were ignored");
            }
        } else if (geneFile != null) {
            Names.requireCount(request.geneNames(), "gene name", geneFile, genes, "rows");
            geneNames = geneFile;
        } else {
            geneNames = Names.generated("gene", genes);
            warnings.add("no gene names found: genes are named gene1…gene" + genes);
        }
        List<String> sampleIds;
        if (columnNames != null) {
            sampleIds = columnNames;
            requireUniqueHeader(file, sampleIds, textNames.size(), "sample id");
        } else if (sampleFile != null) {
            Names.requireCount(request.sampleNames(), "sample id", sampleFile, samples, "columns");
            sampleIds = sampleFile;
        } else {
            sampleIds = Names.generated("sample", samples);
            warnings.add("no sample ids found: samples are named sample1…sample" + samples);
        }
        float[] byGene = body.values();
        float[] bySample = new float[byGene.length];
        for (int g = 0; g < genes; g++) {
            int from = g * samples;
            for (int s = 0; s < samples; s++) {
                bySample[s * genes + g] = byGene[from + s];
            }
        }
        ExpressionMatrix matrix = new ExpressionMatrix(bySample, sampleIds, geneNames);
        return new MatrixRead(matrix, List.of(), guess.orientation(), guess.detected(), format, warnings);
    }

    private static List<String> geneNames(Path file, List<String> columnNames, List<String> geneFile, int count,
                                          int textColumns) {
        if (columnNames != null) {
            requireUniqueHeader(file, columnNames, textColumns, "gene name");
            return columnNames;
        }
        if (geneFile != null) {
            if (geneFile.size() != count) {
                throw new DataFormatException(file, "has " + count + " numeric columns but the gene-names file has "
                        + geneFile.size() + " names");
            }
            return geneFile;
        }
        return Names.generated("gene", count);
    }

    /** The leading column of sample ids: the requested one, an id-like first header, else the first unique text one. */
    private static int idColumn(LoadRequest request, NumericTableParser.Body body, List<String> textNames) {
        if (request.sampleIdColumn() != null && textNames.contains(request.sampleIdColumn())) {
            int c = textNames.indexOf(request.sampleIdColumn());
            requireUnique(request.matrix(), body.textColumns().get(c), body.lineNumbers(), "sample id");
            return c;
        }
        if (request.sampleIdColumn() != null && request.metadata() == null) {
            throw new DataFormatException(request.matrix(), "the sample id column \"" + request.sampleIdColumn()
                    + "\" is not among the matrix's text columns " + textNames + ", and no metadata table is given "
                    + "to look for it in");
        }
        for (int c = 0; c < textNames.size(); c++) {
            List<String> values = body.textColumns().get(c);
            String key = textNames.get(c).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (c == 0 && (ID_HEADERS.contains(key) || key.equals("rowname") || key.equals("column1"))) {
                requireUnique(request.matrix(), values, body.lineNumbers(), "sample id");
                return c;
            }
            // A numeric column (day, hours) that happens to be unique is an annotation, not an id.
            if (Names.firstDuplicate(values) < 0 && !values.stream().allMatch(DelimitedLayout::isNumberLike)) {
                return c;
            }
        }
        return -1;
    }

    private static void requireUnique(Path file, List<String> values, int[] lines, String what) {
        int duplicate = Names.firstDuplicate(values);
        if (duplicate >= 0) {
            throw new DataFormatException(file, lines[duplicate], 1, "duplicate " + what + " \"" + values.get(duplicate)
                    + "\" (first seen on line " + lines[values.indexOf(values.get(duplicate))] + ")");
        }
    }

    private static void requireUniqueHeader(Path file, List<String> names, int offset, String what) {
        int duplicate = Names.firstDuplicate(names);
        if (duplicate >= 0) {
            throw new DataFormatException(file, 1, offset + duplicate + 1, "duplicate " + what + " \""
                    + names.get(duplicate) + "\" in the header");
        }
    }

    /** Counts non-blank data lines so the parser can fill one exactly sized array. */
    private static long countRows(Path file, int headerLines) {
        long rows = 0;
        boolean content = false;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (content) {
                            rows++;
                        }
                        content = false;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        content = true;
                    }
                }
            }
        } catch (IOException e) {
            throw InputFiles.failure(file, 0, e);
        }
        return (content ? rows + 1 : rows) - headerLines;
    }

    private static String describe(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab-separated";
            case ',' -> "comma-separated";
            default -> "semicolon-separated";
        };
    }
}

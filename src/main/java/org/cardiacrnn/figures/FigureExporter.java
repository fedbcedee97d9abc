package org.cardiacrnn.figures;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.cardiacrnn.io.AtomicFiles;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;

/**
 * Writes figures as PNG (with DPI), SVG, PDF and CSV. The chart is laid out at its physical size in points
 * and, for PNG, scaled to pixels, so text has the same size on paper at every DPI. Exports always use the
 * light {@link FigureStyle#print()} style on a copy of the chart, so the chart on screen is left untouched.
 * Every file is written atomically (temporary sibling + rename).
 */
public final class FigureExporter {

    /** DPI values offered in the export dialog. */
    public static final List<Integer> STANDARD_DPI = List.of(150, 300, 600);

    private final FigureStyle style;

    /** Exporter with the journal style. */
    public FigureExporter() {
        this(FigureStyle.print());
    }

    /** Exporter with an explicit style (tests, custom font sizes). */
    public FigureExporter(FigureStyle style) {
        this.style = style;
    }

    /** Writes a PNG of {@code size} at {@code dpi}; the file records the DPI in its pHYs chunk. */
    public void writePng(JFreeChart chart, FigureSize size, int dpi, Path file) {
        if (dpi < 30 || dpi > 2400) {
            throw new FigureException(file, "Resolution must be between 30 and 2400 dpi, got " + dpi, null);
        }
        JFreeChart printable = printable(chart);
        writeAtomically(file, out -> {
            BufferedImage image = new BufferedImage(size.widthPx(dpi), size.heightPx(dpi), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.scale(image.getWidth() / size.widthPt(), image.getHeight() / size.heightPt());
                printable.draw(g, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
            } finally {
                g.dispose();
            }
            PngWriter.write(image, dpi, out);
        });
    }

    /** Writes an SVG whose width/height are in millimetres and whose text stays text. */
    public void writeSvg(JFreeChart chart, FigureSize size, Path file) {
        JFreeChart printable = printable(chart);
        writeAtomically(file, out -> SvgWriter.write(printable, size, out));
    }

    /** Writes a one-page PDF of exactly {@code size}, with text as embedded DejaVu fonts where available. */
    public void writePdf(JFreeChart chart, FigureSize size, Path file) {
        JFreeChart printable = printable(chart);
        writeAtomically(file, out -> PdfWriter.write(printable, size, out));
    }

    /** Writes the plotted numbers as CSV (header row, then one row per plotted point or cell). */
    public void writeCsv(FigureData data, Path file) {
        writeAtomically(file, out -> writeCsv(data, out));
    }

    /** Writes one figure in one format; PNG uses {@code dpi}, the others ignore it. */
    public void write(Figure figure, ExportFormat format, FigureSize size, int dpi, Path file) {
        switch (format) {
            case PNG -> writePng(figure.chart(), size, dpi, file);
            case SVG -> writeSvg(figure.chart(), size, file);
            case PDF -> writePdf(figure.chart(), size, file);
            case CSV -> writeCsv(figure.data(), file);
        }
    }

    /**
     * "Export all figures": writes {@code <dir>/<name>.<ext>} for every figure and format.
     *
     * @return the files written, in map order then format order
     * @throws FigureException naming the first file that could not be written
     */
    /** The files {@link #exportAll} would write for these figures, in the same order. */
    public static List<Path> targets(Set<String> names, Path dir, Set<ExportFormat> formats) {
        List<Path> files = new ArrayList<>();
        Set<ExportFormat> ordered = formats.isEmpty() ? EnumSet.noneOf(ExportFormat.class) : EnumSet.copyOf(formats);
        for (String name : names) {
            for (ExportFormat format : ordered) {
                files.add(dir.resolve(safeName(name) + "." + format.extension()));
            }
        }
        return files;
    }

    public List<Path> exportAll(Map<String, Figure> figures, Path dir, FigureSize size, int dpi,
                                Set<ExportFormat> formats) {
        List<Path> written = new ArrayList<>();
        Set<ExportFormat> ordered = formats.isEmpty() ? EnumSet.noneOf(ExportFormat.class) : EnumSet.copyOf(formats);
        for (Map.Entry<String, Figure> entry : figures.entrySet()) {
            String name = safeName(entry.getKey());
            for (ExportFormat format : ordered) {
                Path file = dir.resolve(name + "." + format.extension());
                write(entry.getValue(), format, size, dpi, file);
                written.add(file);
            }
        }
        return written;
    }

    /**
     * A file name a researcher would type for a figure: "ROC curves (one vs rest)" becomes
     * "roc-curves-one-vs-rest.pdf", with no brackets, spaces or trailing underscores.
     */
    public static String suggestedFileName(String title, ExportFormat format) {
        String words = title == null ? "" : title.strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return (words.isEmpty() ? "figure" : words) + "." + format.extension();
    }

    /** Turns a figure title into a file name: letters, digits, '-', '_' and '.' kept, others become '_'. */
    static String safeName(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "figure" + cleaned : cleaned;
    }

    private JFreeChart printable(JFreeChart chart) {
        JFreeChart copy = independentCopy(chart);
        style.apply(copy);
        return copy;
    }

    /**
     * A copy that shares no part with {@code chart}. JFreeChart's clone() shares some parts (e.g. a colour
     * bar's axis), so restyling a clone for print fired change events at the chart on screen, which then
     * redrew its canvas from the export thread; a serialised copy shares nothing and carries no listeners.
     */
    public static JFreeChart independentCopy(JFreeChart chart) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(chart);
            }
            try (ObjectInputStream in = new ObjectInputStream(
                    new ByteArrayInputStream(bytes.toByteArray()))) {
                return (JFreeChart) in.readObject();
            }
        } catch (IOException | ClassNotFoundException notSerializable) {
            throw new IllegalStateException("figure cannot be copied for export: " + notSerializable.getMessage(),
                    notSerializable);
        }
    }

    private static void writeCsv(FigureData data, OutputStream out) throws Exception {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord(data.columns());
        for (List<String> row : data.rows()) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static void writeAtomically(Path file, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(file, content);
        } catch (Exception failure) {
            Path absolute = file.toAbsolutePath();
            throw new FigureException(absolute, "Could not write the figure file " + absolute + ": "
                    + AtomicFiles.describe(failure), failure);
        }
    }
}

package org.cardiacrnn.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class FigureExporterTest {

    @TempDir
    Path dir;

    private final FigureExporter exporter = new FigureExporter();
    private final Figure roc = ClassifierCurvesChart.roc(SampleFigures.rocCurves());

    @Test
    void pngPixelSizeFollowsMillimetresAndDpiAndCarriesDpi() throws Exception {
        Path file = dir.resolve("roc.png");
        exporter.writePng(roc.chart(), FigureSize.SINGLE_COLUMN, 300, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1004);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(65 / 25.4 * 300));
        assertThat(dpiOf(file)).isCloseTo(300.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void pngAtDoubleColumn600DpiIsTwiceAsWideAsAt300() throws Exception {
        Path file = dir.resolve("wide.png");
        exporter.writePng(roc.chart(), new FigureSize(180, 100), 600, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(4252);
        assertThat(image.getHeight()).isEqualTo(2362);
        assertThat(dpiOf(file)).isCloseTo(600.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void svgIsXmlWithLegendTextAndPhysicalSize() throws Exception {
        Path file = dir.resolve("roc.svg");
        exporter.writeSvg(roc.chart(), FigureSize.SINGLE_COLUMN, file);

        String svg = Files.readString(file, StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("85.000mm");
        assertThat(document.getDocumentElement().getTextContent()).contains("Cardiomyocyte (AUC 0.86)")
                .contains("False positive rate");
    }

    @Test
    void pdfHasOnePageOfThePhysicalSizeWithSearchableText() throws Exception {
        Path file = dir.resolve("roc.pdf");
        exporter.writePdf(roc.chart(), FigureSize.DOUBLE_COLUMN, file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth() / 72 * 25.4).isCloseTo(180.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(box.getHeight() / 72 * 25.4).isCloseTo(110.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(new PDFTextStripper().getText(pdf)).contains("Epicardium");
        }
    }

    @Test
    void csvHasHeaderAndOneRowPerPlottedPoint() throws Exception {
        Path file = dir.resolve("roc.csv");
        exporter.writeCsv(roc.data(), file);

        List<String> lines = Files.readAllLines(file);
        int points = SampleFigures.rocCurves().stream().mapToInt(c -> c.x().length).sum();
        assertThat(lines.get(0)).isEqualTo("curve,AUC,false positive rate,true positive rate");
        assertThat(lines).hasSize(points + 1);
        assertThat(lines.get(1).split(",")).containsExactly("Cardiomyocyte", "0.8571428571428571", "0", "0");
        assertThat(lines.get(41).split(",")).containsExactly("Cardiomyocyte", "0.8571428571428571", "1", "1");
    }

    @Test
    void exportAllWritesEveryFigureInEveryFormatAndLeavesNoTempFiles() throws Exception {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("roc", roc);
        figures.put("confusion matrix", ConfusionMatrixChart.build(SampleFigures.COUNTS, SampleFigures.CLASSES,
                ConfusionMode.COUNTS));
        Path out = dir.resolve("figures");

        List<Path> written = exporter.exportAll(figures, out, FigureSize.SINGLE_COLUMN, 150,
                EnumSet.allOf(ExportFormat.class));

        assertThat(written).hasSize(8).allMatch(Files::isRegularFile);
        assertThat(written).contains(out.resolve("confusion_matrix.pdf"));
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void unwritableDirectoryGivesFigureExceptionNamingTheFile() throws Exception {
        // A regular file where a directory is expected fails even for root, unlike permission bits.
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = notADirectory.resolve("roc.png");

        assertThatThrownBy(() -> exporter.writePng(roc.chart(), FigureSize.SINGLE_COLUMN, 150, target))
                .isInstanceOf(FigureException.class)
                .hasMessageContaining(target.toAbsolutePath().toString())
                .satisfies(e -> assertThat(((FigureException) e).file()).isEqualTo(target.toAbsolutePath()));
    }

    @Test
    void failedWriteKeepsThePreviousFileIntact() throws Exception {
        Path file = dir.resolve("roc.png");
        exporter.writePng(roc.chart(), FigureSize.SINGLE_COLUMN, 150, file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> exporter.writePng(roc.chart(), FigureSize.SINGLE_COLUMN, 5, file))
                .isInstanceOf(FigureException.class).hasMessageContaining("dpi");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void exportDoesNotRestyleTheChartShownOnScreen() {
        FigureStyle.screen(true).apply(roc.chart());
        java.awt.Paint screenBackground = roc.chart().getBackgroundPaint();

        exporter.writeSvg(roc.chart(), FigureSize.SINGLE_COLUMN, dir.resolve("roc.svg"));

        assertThat(roc.chart().getBackgroundPaint()).isEqualTo(screenBackground);
    }

    private static double dpiOf(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(PngWriter.NATIVE_FORMAT);
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
            return Double.parseDouble(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
        }
    }
}

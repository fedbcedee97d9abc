package org.cardiacrnn.figures;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;

/**
 * One-page PDF through PDFBox graphics2d. DejaVu Sans is embedded when its TrueType files are found, so text
 * stays text; otherwise the drawer falls back to outlines, which still print correctly.
 */
final class PdfWriter {

    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts");

    private PdfWriter() {
    }

    static void write(JFreeChart chart, FigureSize size, OutputStream out) throws Exception {
        float width = (float) size.widthPt();
        float height = (float) size.heightPt();
        try (PDDocument document = new PDDocument();
             PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            registerDejaVu(fonts);
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
            g.setFontTextDrawer(fonts);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(form);
            }
            document.save(out);
        }
    }

    private static void registerDejaVu(PdfBoxGraphics2DFontTextDrawer fonts) {
        registerFirst(fonts, new Font("DejaVu Sans", Font.PLAIN, 10).getFontName(), "DejaVuSans.ttf");
        registerFirst(fonts, new Font("DejaVu Sans", Font.BOLD, 10).getFontName(), "DejaVuSans-Bold.ttf");
    }

    private static void registerFirst(PdfBoxGraphics2DFontTextDrawer fonts, String awtName, String fileName) {
        for (String dir : FONT_DIRS) {
            File file = new File(dir, fileName);
            if (file.isFile()) {
                fonts.registerFont(awtName, file);
                return;
            }
        }
    }
}

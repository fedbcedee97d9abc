package org.cardiacrnn.figures;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** SVG through Batik's generator (Apache licence); text is kept as text so it stays searchable and editable. */
final class SvgWriter {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String PORTABLE_SANS = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

    private SvgWriter() {
    }

    static void write(JFreeChart chart, FigureSize size, OutputStream out) throws Exception {
        // The JDK's DOM is enough for the generator; it avoids pulling in batik-dom.
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                .createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("Cardiac RNN Workbench figure");
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension((int) Math.ceil(size.widthPt()), (int) Math.ceil(size.heightPt())));
        chart.draw(g, new Rectangle2D.Double(0, 0, size.widthPt(), size.heightPt()));
        Element root = g.getRoot();
        root.setAttribute("width", format(size.widthMm()) + "mm");
        root.setAttribute("height", format(size.heightMm()) + "mm");
        root.setAttribute("viewBox", "0 0 " + format(size.widthPt()) + " " + format(size.heightPt()));
        g.dispose();
        addGenericFontFallback(root);
        // Serialised by the JDK without a DOCTYPE, so readers never try to fetch the SVG DTD from the network.
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        transformer.transform(new DOMSource(root), new StreamResult(writer));
        writer.flush();
    }

    /**
     * Java's logical fonts ("Dialog", "SansSerif") mean nothing outside Java: ImageMagick drew such text as
     * nothing at all. Every family names real fonts and ends with the generic sans-serif, so a reader without
     * DejaVu Sans still shows the text in some sans-serif font.
     */
    private static void addGenericFontFallback(Element element) {
        String family = element.getAttribute("font-family");
        if (!family.isEmpty()) {
            element.setAttribute("font-family", portableFamily(family));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                addGenericFontFallback(childElement);
            }
        }
    }

    static String portableFamily(String family) {
        String first = family.split(",")[0].strip().replace("'", "").replace("\"", "");
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.equals("dialog") || lower.equals("dialoginput") || lower.equals("sansserif")
                || lower.equals("sans-serif") || lower.isEmpty()) {
            return PORTABLE_SANS;
        }
        return "'" + first + "', " + PORTABLE_SANS;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}

package org.cardiacrnn.figures;

/** File formats a figure can be exported to. */
public enum ExportFormat {
    PNG("png"), SVG("svg"), PDF("pdf"), CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }
}

package org.cardiacrnn.runs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions recorded in {@code config.json} so a run can be repeated with the same software. */
public record SoftwareVersions(String workbench, String java, String deeplearning4j, String operatingSystem) {

    static final String UNKNOWN = "unknown";

    /** Versions of the running software, read from the workbench's and DL4J's build metadata. */
    public static SoftwareVersions detect() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new SoftwareVersions(
                property("/org/cardiacrnn/version.properties", "version"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                property("/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties", "version"),
                os);
    }

    private static String property(String resource, String key) {
        try (InputStream in = SoftwareVersions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(key, UNKNOWN);
            // An unfiltered resource (running from sources without Maven) still holds the placeholder.
            return value.startsWith("${") ? UNKNOWN : value;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}

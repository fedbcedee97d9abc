package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.shell.Page;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Test;

/** Every key the GUI asks for exists, and every key in the bundle is used somewhere. */
class MessagesBundleTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"");

    @Test
    void bundleHasNoMissingAndNoUnusedKeys() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(I18n.BUNDLE);
        Set<String> bundleKeys = new HashSet<>(bundle.keySet());
        Set<String> usedKeys = new HashSet<>();
        for (Page page : Page.values()) {
            usedKeys.add(page.titleKey());
            usedKeys.add(page.titleKey() + ".tooltip");
        }
        for (Class<? extends Enum<?>> type : Choices.ENUMS) {
            for (Enum<?> constant : type.getEnumConstants()) {
                usedKeys.add(Choices.key(constant));
            }
        }
        for (Hyperparameter<?> hyperparameter : Hyperparameter.all()) {
            usedKeys.add(hyperparameter.labelKey());
            usedKeys.add(hyperparameter.helpKey());
        }
        // Model-page categories are looked up as "model." + the category's key.
        for (Hyperparameter.Category category : Hyperparameter.Category.values()) {
            usedKeys.add("model." + category.messageKey());
        }
        for (String preset : Hyperparameters.presetNames()) {
            usedKeys.add("model.preset." + preset);
        }
        Set<String> literals = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/cardiacrnn/app"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    literals.add(matcher.group(1));
                }
            }
        }
        // A dotted literal in GUI code is a message key unless it is a resource path, a class name or the name of
        // a system property (os.name).
        literals.removeIf(key -> key.startsWith("org.") || key.endsWith(".css") || key.endsWith(".png")
                || key.endsWith(".json") || key.endsWith(".csv") || System.getProperties().containsKey(key));
        // Model-page categories are looked up as "model." + category.
        Set<String> categories = new HashSet<>();
        literals.stream().filter(key -> key.startsWith("category.")).forEach(categories::add);
        literals.removeAll(categories);
        categories.forEach(key -> literals.add("model." + key));
        usedKeys.addAll(literals);

        assertThat(usedKeys).as("keys used in code but missing from messages.properties")
                .isSubsetOf(bundleKeys);
        Set<String> unused = new HashSet<>(bundleKeys);
        unused.removeAll(usedKeys);
        assertThat(unused).as("keys in messages.properties that no code uses").isEmpty();
    }
}

package dk.trialport.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every page text comes from the message bundles, in both languages: the Danish and English
 * bundles have the same keys, every {@code #{key}} a template uses exists, and no template has
 * visible text of its own. Templates must be well-formed XHTML for this check (and for XPath in
 * page tests).
 */
class I18nPropertiesSyncTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path DANISH = RESOURCES.resolve("messages/messages.properties");
    private static final Path ENGLISH = RESOURCES.resolve("messages/messages_en.properties");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    /** Attributes whose value the template engine puts in place of the element's body or the element. */
    private static final Set<String> REPLACES_BODY = Set.of("th:text", "th:utext", "th:replace", "th:insert");

    /** Attributes a person sees or hears (screen readers) and so must not be hard-coded. */
    private static final Set<String> VISIBLE_ATTRIBUTES = Set.of(
            "alt",
            "title",
            "placeholder",
            "label",
            "aria-label",
            "aria-description",
            "aria-roledescription",
            "aria-valuetext",
            "aria-placeholder");

    /** Hard-coded texts that are allowed, as "template path: text". Keep it empty if at all possible. */
    private static final Set<String> IGNORED = Set.of();

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*([^#!\\s][^=:\\s]*)\\s*[=:]");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        var danish = load(DANISH).stringPropertyNames();
        var english = load(ENGLISH).stringPropertyNames();

        assertThat(difference(danish, english))
                .as("keys missing in %s", ENGLISH)
                .isEmpty();
        assertThat(difference(english, danish)).as("keys missing in %s", DANISH).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwiceOrLeftEmpty() throws IOException {
        for (var file : List.of(DANISH, ENGLISH)) {
            var seen = new TreeSet<String>();
            var duplicates = new TreeSet<String>();
            for (var line : readUtf8(file).lines().toList()) {
                var matcher = PROPERTY_LINE.matcher(line);
                if (matcher.find() && !seen.add(matcher.group(1))) {
                    duplicates.add(matcher.group(1));
                }
            }
            assertThat(duplicates).as("keys defined twice in %s", file).isEmpty();
            var empty = load(file).entrySet().stream()
                    .filter(entry -> entry.getValue().toString().isBlank())
                    .toList();
            assertThat(empty).as("empty texts in %s", file).isEmpty();
        }
    }

    @Test
    void bundlesAreUtf8WithRealLetters() throws IOException {
        for (var file : List.of(DANISH, ENGLISH)) {
            assertThat(readUtf8(file))
                    .as("%s should use real letters, not \\u escapes", file)
                    .doesNotContain("\\u");
        }
        assertThat(readUtf8(DANISH)).contains("æ", "ø", "å");
    }

    @Test
    void textsWithArgumentsHaveNoLoneApostrophes() throws IOException {
        for (var file : List.of(DANISH, ENGLISH)) {
            var broken = load(file).entrySet().stream()
                    .filter(entry -> entry.getValue().toString().matches("(?s).*\\{\\d.*"))
                    .filter(entry ->
                            entry.getValue().toString().replace("''", "").contains("'"))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(broken)
                    .as("MessageFormat drops a single ' in %s; write '' instead", file)
                    .isEmpty();
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        var keys = load(DANISH).stringPropertyNames();
        var missing = new TreeMap<String, Set<String>>();
        for (var template : templates()) {
            var matcher =
                    MESSAGE_KEY.matcher(COMMENT.matcher(readUtf8(template)).replaceAll(""));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.computeIfAbsent(name(template), t -> new TreeSet<>())
                            .add(matcher.group(1));
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but missing in the bundles")
                .isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws Exception {
        var templates = templates();
        assertThat(templates).isNotEmpty();
        var found = new ArrayList<String>();
        for (var template : templates) {
            var document = parse(template);
            collectHardCodedText(document.getDocumentElement(), name(template), found);
        }
        found.removeIf(IGNORED::contains);
        assertThat(found)
                .as("hard-coded text in templates: use th:text=\"#{key}\" and the message bundles")
                .isEmpty();
    }

    private static void collectHardCodedText(Element element, String template, List<String> found) {
        var tag = element.getTagName().toLowerCase();
        if (tag.equals("script") || tag.equals("style")) {
            return;
        }
        for (var attribute : VISIBLE_ATTRIBUTES) {
            if (element.hasAttribute(attribute) && hasLetters(element.getAttribute(attribute))) {
                found.add(template + ": " + attribute + "=\"" + element.getAttribute(attribute) + "\"");
            }
        }
        var type = element.getAttribute("type").toLowerCase();
        if (tag.equals("input")
                && Set.of("submit", "button", "reset").contains(type)
                && hasLetters(element.getAttribute("value"))) {
            found.add(template + ": value=\"" + element.getAttribute("value") + "\"");
        }
        if (hidesBody(element)) {
            return;
        }
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collectHardCodedText(childElement, template, found);
            } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                    && hasLetters(child.getNodeValue())) {
                found.add(template + ": " + child.getNodeValue().strip());
            }
        }
    }

    /**
     * Whether the engine replaces what is inside the element. A page's root {@code <html th:replace=
     * "~{fragments/layout :: layout(..., ~{::content})}">} passes its own markup into the layout, so
     * the document element is never skipped.
     */
    private static boolean hidesBody(Element element) {
        if (element.getParentNode() == element.getOwnerDocument()) {
            return false;
        }
        if (element.hasAttribute("th:remove")) {
            return Set.of("all", "body")
                    .contains(element.getAttribute("th:remove").strip());
        }
        return REPLACES_BODY.stream().anyMatch(element::hasAttribute);
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static org.w3c.dom.Document parse(Path template) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        try (var in = Files.newInputStream(template)) {
            return builder.parse(in, template.toUri().toString());
        } catch (org.xml.sax.SAXParseException e) {
            throw new AssertionError(
                    name(template) + " is not well-formed XHTML (line " + e.getLineNumber() + "): " + e.getMessage(),
                    e);
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }

    private static String name(Path template) {
        return TEMPLATES.relativize(template).toString();
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(readUtf8(file)));
        return properties;
    }

    private static String readUtf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        var result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }
}

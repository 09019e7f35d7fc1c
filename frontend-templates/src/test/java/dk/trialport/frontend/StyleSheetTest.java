package dk.trialport.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.htmlunit.cssparser.parser.javacc.CSS3Parser;
import org.junit.jupiter.api.Test;

/**
 * The style sheet parses without an error. A browser skips what it cannot parse without a word: one unclosed rule
 * once left every workspace field 230 px wide and nobody noticed for a wave.
 */
class StyleSheetTest {

    private static final Path STYLE_SHEET = Path.of("src/main/resources/static/css/trialport.css");

    @Test
    void theStyleSheetParsesWithoutErrors() throws IOException {
        var problems = new ArrayList<String>();
        var parser = new CSSOMParser(new CSS3Parser());
        parser.setErrorHandler(new Collecting(problems));
        var css = Files.readString(STYLE_SHEET, StandardCharsets.UTF_8);
        var sheet = parser.parseStyleSheet(new InputSource(new StringReader(css)), null);

        assertThat(problems).as("parse errors in %s", STYLE_SHEET).isEmpty();
        assertThat(selectors(sheet))
                .as("the last rules of the sheet are read as rules of their own")
                .contains("*.required-mark", "*.table-scroll");
    }

    private static List<String> selectors(CSSStyleSheetImpl sheet) {
        var selectors = new ArrayList<String>();
        var rules = sheet.getCssRules();
        for (int i = 0; i < rules.getLength(); i++) {
            var text = rules.getRules().get(i).getCssText();
            selectors.add(text.substring(0, text.indexOf('{')).trim());
        }
        return selectors;
    }

    private record Collecting(List<String> problems) implements CSSErrorHandler {

        @Override
        public void warning(CSSParseException exception) throws CSSException {
            problems.add("warning at line " + exception.getLineNumber() + ": " + exception.getMessage());
        }

        @Override
        public void error(CSSParseException exception) throws CSSException {
            problems.add("error at line " + exception.getLineNumber() + ": " + exception.getMessage());
        }

        @Override
        public void fatalError(CSSParseException exception) throws CSSException {
            problems.add("fatal error at line " + exception.getLineNumber() + ": " + exception.getMessage());
        }
    }
}

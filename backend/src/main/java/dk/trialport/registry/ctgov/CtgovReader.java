package dk.trialport.registry.ctgov;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Streams ClinicalTrials.gov API v2 study records from a JSON array or a single study object. */
public final class CtgovReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CtgovReader() {}

    /** Hands each study object to {@code each}, one at a time, without holding the whole file. */
    public static void read(InputStream in, Consumer<JsonNode> each) throws IOException {
        try (var parser = MAPPER.createParser(in)) {
            var token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                each.accept(MAPPER.readTree(parser));
                return;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new IOException("Expected a study object or an array of studies, found " + token);
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException("Expected a study object in the array, found " + token);
                }
                each.accept(MAPPER.readTree(parser));
            }
        }
    }

    public static void read(Path file, Consumer<JsonNode> each) throws IOException {
        try (var in = Files.newInputStream(file)) {
            read(in, each);
        }
    }

    public static List<JsonNode> readAll(Path file) throws IOException {
        var studies = new ArrayList<JsonNode>();
        read(file, studies::add);
        return studies;
    }
}

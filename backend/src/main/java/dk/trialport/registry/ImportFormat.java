package dk.trialport.registry;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The formats the import reads, named by the operator or told by the content. */
public enum ImportFormat {
    /** ClinicalTrials.gov API v2 study records (JSON: one study or an array; a directory of such files). */
    CTGOV,
    /** An AACT {@code studies} extract (CSV). */
    AACT,
    /** CTIS trial records (JSON, docs/import-formats.md). */
    CTIS;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The named format ({@code ctgov}, {@code aact}, {@code ctis}); told by the content when null or blank. */
    public static ImportFormat of(String name, Path path) {
        if (name != null && !name.isBlank()) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown format " + name + "; use ctgov, aact or ctis", e);
            }
        }
        return detect(path);
    }

    /** A {@code .csv} is AACT; JSON whose first record has {@code ctNumber} is CTIS; other JSON is ClinicalTrials.gov. */
    static ImportFormat detect(Path path) {
        if (path.toString().endsWith(".csv")) {
            return AACT;
        }
        var file = Files.isDirectory(path) ? firstJson(path) : path;
        if (file == null) {
            return CTGOV;
        }
        try (var parser = JSON.createParser(file.toFile())) {
            var token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                token = parser.nextToken();
            }
            if (token != JsonToken.START_OBJECT) {
                return CTGOV;
            }
            com.fasterxml.jackson.databind.JsonNode first = JSON.readTree(parser);
            return first.has("ctNumber") ? CTIS : CTGOV;
        } catch (IOException e) {
            return CTGOV;
        }
    }

    private static Path firstJson(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.toString().endsWith(".json"))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}

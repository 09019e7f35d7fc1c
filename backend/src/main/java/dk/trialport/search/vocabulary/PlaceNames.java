package dk.trialport.search.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of Danish towns and regions as people write them: every post town of the postal codes (with and without
 * its district letters, "Aarhus C" and "Aarhus"; the lowest postal code of a name is its place) and the project's own
 * list {@code search/place-names.tsv} (English names, spellings without Danish letters, the five regions). Names are
 * matched as folded words.
 */
public final class PlaceNames {

    static final String RESOURCE = "/search/place-names.tsv";
    private static final Set<String> DISTRICTS =
            Set.of("c", "k", "v", "n", "s", "oe", "m", "j", "l", "sv", "nv", "noe", "soe", "oest", "vest");

    private final Map<String, Place> towns = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private int longestName;

    private PlaceNames() {}

    /** The post towns of {@code postalCodes} and the names of {@code search/place-names.tsv} on the class path. */
    public static PlaceNames load(PostalCodes postalCodes) {
        var stream = PlaceNames.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Place names " + RESOURCE + " are not on the class path");
        }
        return parse(postalCodes, new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    static PlaceNames parse(PostalCodes postalCodes, Reader reader) {
        var names = new PlaceNames();
        for (var place : postalCodes.places()) {
            var words = Folding.words(place.town());
            names.town(words, place);
            if (words.size() > 1 && DISTRICTS.contains(words.getLast())) {
                names.town(words.subList(0, words.size() - 1), place);
            }
        }
        try (var lines = new BufferedReader(reader)) {
            int number = 0;
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line, number, postalCodes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the place names", e);
        }
        return names;
    }

    /** The town the folded words name, e.g. [aarhus] or [hoeje, taastrup]. */
    public Optional<Place> town(List<String> foldedWords) {
        return Optional.ofNullable(towns.get(String.join(" ", foldedWords)));
    }

    /** The region (as sites carry it, "Region Sjælland") the folded words name. */
    public Optional<String> region(List<String> foldedWords) {
        return Optional.ofNullable(regions.get(String.join(" ", foldedWords)));
    }

    /** How many words the longest name has. */
    public int longestName() {
        return longestName;
    }

    private void town(List<String> words, Place place) {
        if (!words.isEmpty()) {
            towns.putIfAbsent(String.join(" ", words), place);
            longestName = Math.max(longestName, words.size());
        }
    }

    private void add(String line, int number, PostalCodes postalCodes) {
        var columns = line.split("\t", -1);
        if (columns.length != 3 || columns[1].isBlank()) {
            throw malformed(number, "expected 3 tab-separated columns: kind, name, target");
        }
        var words = Folding.words(columns[1]);
        switch (columns[0]) {
            case "town" ->
                towns.put(
                        String.join(" ", words),
                        postalCodes
                                .find(columns[2])
                                .orElseThrow(() -> malformed(number, "unknown postal code " + columns[2])));
            case "region" -> {
                if (!PostalCodes.REGIONS.contains(columns[2])) {
                    throw malformed(number, "unknown region " + columns[2]);
                }
                regions.put(String.join(" ", words), columns[2]);
            }
            default -> throw malformed(number, "kind must be town or region, not " + columns[0]);
        }
        longestName = Math.max(longestName, words.size());
    }

    private static IllegalStateException malformed(int number, String problem) {
        return new IllegalStateException("Place names line " + number + ": " + problem);
    }
}

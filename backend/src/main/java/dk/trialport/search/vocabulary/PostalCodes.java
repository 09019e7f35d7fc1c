package dk.trialport.search.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Approximate centroids of Danish postal codes from {@code search/postal-codes.tsv}. A code is found in the row
 * whose range holds it; a code between rows falls back to the nearest lower row of the same thousand (Danish
 * postal codes run geographically, so that row is close), and otherwise is unknown. 3800-3999 (the Faroe Islands
 * and Greenland) are never placed.
 */
public final class PostalCodes {

    static final String RESOURCE = "/search/postal-codes.tsv";
    static final Set<String> REGIONS = Set.of(
            "Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland", "Region Nordjylland");
    private static final Pattern CODE = Pattern.compile("[0-9]{4}");
    private static final int FAROE_ISLANDS_AND_GREENLAND_FROM = 3800;
    private static final int FAROE_ISLANDS_AND_GREENLAND_TO = 3999;

    /** One row: an inclusive range of postal codes and where they are. */
    record Row(int from, int to, String town, String region, GeoPoint point) {}

    private final TreeMap<Integer, Row> rowsByFrom;

    private PostalCodes(TreeMap<Integer, Row> rowsByFrom) {
        this.rowsByFrom = rowsByFrom;
    }

    /** The postal codes from the class path; fails with the line of a malformed row. */
    public static PostalCodes load() {
        var stream = PostalCodes.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Postal codes " + RESOURCE + " are not on the class path");
        }
        return parse(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    static PostalCodes parse(Reader reader) {
        var rows = new TreeMap<Integer, Row>();
        try (var lines = new BufferedReader(reader)) {
            int number = 0;
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    add(rows, row(line, number), number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the postal codes", e);
        }
        return new PostalCodes(rows);
    }

    /** The place of a four-digit postal code; empty when the input is no such code or lies outside every row. */
    public Optional<Place> find(String postalCode) {
        if (postalCode == null || !CODE.matcher(postalCode.strip()).matches()) {
            return Optional.empty();
        }
        var code = postalCode.strip();
        var number = Integer.parseInt(code);
        if (number >= FAROE_ISLANDS_AND_GREENLAND_FROM && number <= FAROE_ISLANDS_AND_GREENLAND_TO) {
            return Optional.empty();
        }
        return Optional.ofNullable(rowsByFrom.floorEntry(number))
                .map(Map.Entry::getValue)
                .filter(row -> row.to() >= number || row.from() / 1000 == number / 1000)
                .map(row -> new Place(code, row.town(), row.region(), row.point()));
    }

    /** One place per row (its first postal code), in postal code order: every part of the country once. */
    public List<Place> places() {
        return rowsByFrom.values().stream()
                .map(row -> new Place(String.format("%04d", row.from()), row.town(), row.region(), row.point()))
                .toList();
    }

    List<Row> rows() {
        return List.copyOf(rowsByFrom.values());
    }

    private static Row row(String line, int number) {
        var columns = line.split("\t", -1);
        check(number, columns.length == 6, "expected 6 tab-separated columns, found " + columns.length);
        check(
                number,
                CODE.matcher(columns[0]).matches() && CODE.matcher(columns[1]).matches(),
                "bad postal code");
        check(number, REGIONS.contains(columns[3]), "unknown region '" + columns[3] + "'");
        try {
            var point = new GeoPoint(Double.parseDouble(columns[4]), Double.parseDouble(columns[5]));
            return new Row(
                    Integer.parseInt(columns[0]), Integer.parseInt(columns[1]), columns[2].strip(), columns[3], point);
        } catch (IllegalArgumentException e) {
            throw malformed(number, "bad coordinates: " + e.getMessage());
        }
    }

    private static void add(TreeMap<Integer, Row> rows, Row row, int number) {
        check(number, row.from() <= row.to(), "range runs backwards");
        check(number, !row.town().isEmpty(), "no town");
        var below = rows.floorEntry(row.to());
        check(
                number,
                below == null || below.getValue().to() < row.from(),
                "overlaps the range from " + (below == null ? "" : below.getKey()));
        var above = rows.ceilingEntry(row.from());
        check(
                number,
                above == null || above.getKey() > row.to(),
                "overlaps the range from " + (above == null ? "" : above.getKey()));
        rows.put(row.from(), row);
    }

    private static void check(int number, boolean ok, String problem) {
        if (!ok) {
            throw malformed(number, problem);
        }
    }

    private static IllegalStateException malformed(int number, String problem) {
        return new IllegalStateException("Postal codes line " + number + ": " + problem);
    }
}

package dk.trialport.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The relevance benchmark's judged set, {@code search/relevance/judged-queries.tsv}: queries as people type them,
 * each with graded judgments (0–3) of the trials of the fixed catalogue, keyed by the trials' stable identifiers
 * (the demo protocol numbers {@code TRIALPORT-DEMO-0001} …, NCT numbers of the real records), and the committed
 * baselines the relevance test holds the search to.
 */
record JudgedQueries(List<Query> queries, Map<String, Double> baselines) {

    static final String RESOURCE = "/search/relevance/judged-queries.tsv";

    /** One judged query: its text, extra request parameters ({@code status=all}) and the grade of each trial. */
    record Query(
            String id,
            String language,
            String kind,
            String text,
            Map<String, String> parameters,
            Map<String, Integer> grades) {}

    static JudgedQueries load() {
        var stream = Objects.requireNonNull(JudgedQueries.class.getResourceAsStream(RESOURCE), RESOURCE);
        var queries = new ArrayList<Query>();
        var baselines = new LinkedHashMap<String, Double>();
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("baseline\t")) {
                    var columns = line.split("\t");
                    baselines.put(columns[1], Double.parseDouble(columns[2]));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    queries.add(query(line.split("\t", -1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JudgedQueries(List.copyOf(queries), Map.copyOf(baselines));
    }

    private static Query query(String[] columns) {
        var parameters = new LinkedHashMap<String, String>();
        for (var pair : columns[4].split("&")) {
            if (!pair.isBlank()) {
                parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        var grades = new LinkedHashMap<String, Integer>();
        for (var judgment : columns[5].split("\\|")) {
            grades.put(
                    judgment.substring(0, judgment.indexOf('=')),
                    Integer.parseInt(judgment.substring(judgment.indexOf('=') + 1)));
        }
        return new Query(columns[0], columns[1], columns[2], columns[3], parameters, grades);
    }

    /**
     * The judged set as far as the catalogue holds its trials: judgments of trials it lacks dropped, and queries left
     * with nothing relevant left out (without {@code ../shared/data} only the demo catalogue is there).
     */
    JudgedQueries within(Predicate<String> inCatalogue) {
        var kept = new ArrayList<Query>();
        for (var query : queries) {
            var grades = new LinkedHashMap<String, Integer>();
            query.grades().forEach((trial, grade) -> {
                if (inCatalogue.test(trial)) {
                    grades.put(trial, grade);
                }
            });
            if (!grades.isEmpty()) {
                kept.add(new Query(
                        query.id(), query.language(), query.kind(), query.text(), query.parameters(), grades));
            }
        }
        return new JudgedQueries(List.copyOf(kept), baselines);
    }
}

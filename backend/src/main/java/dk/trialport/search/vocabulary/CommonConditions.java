package dk.trialport.search.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code common-conditions.tsv}, the project's lay list: tab-separated {@code icd10 da_names en_names}, lists
 * separated by {@code |}, {@code #} lines comments. Fails on the first malformed line with its number.
 */
final class CommonConditions {

    /** One row: an ICD-10 code and the Danish and English words people use for it. */
    record Row(String icd10, List<String> danishNames, List<String> englishNames) {}

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?");

    private CommonConditions() {}

    static List<Row> parse(Reader reader) {
        var rows = new ArrayList<Row>();
        try (var lines = new BufferedReader(reader)) {
            int number = 0;
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t", -1);
                if (columns.length != 3 || !ICD10.matcher(columns[0].strip()).matches()) {
                    throw new IllegalStateException("Lay list line " + number
                            + ": expected an ICD-10 code, Danish names and English names, tab-separated");
                }
                var danish = list(columns[1]);
                var english = list(columns[2]);
                if (danish.isEmpty() || english.isEmpty()) {
                    throw new IllegalStateException("Lay list line " + number + ": no Danish or no English name");
                }
                rows.add(new Row(columns[0].strip(), danish, english));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the lay list", e);
        }
        return List.copyOf(rows);
    }

    private static List<String> list(String column) {
        return Arrays.stream(column.split("\\|"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}

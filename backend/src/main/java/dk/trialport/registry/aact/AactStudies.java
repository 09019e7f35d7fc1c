package dk.trialport.registry.aact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads an AACT {@code studies} extract (CSV, one trial a row, AACT's column names) and turns each row
 * into a ClinicalTrials.gov API v2 record, so it takes the same import path. AACT's studies table has no
 * conditions, sites or contacts: conditions are inferred from the titles with the condition vocabulary (none
 * inferred: the mapper's "not classified"), the lead institution in the lead country is the one location and the
 * principal investigator its contact; a row led from another country is not a Danish trial and is skipped.
 */
public final class AactStudies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> PHASES = Map.of(
            "Early Phase 1",
            "EARLY_PHASE1",
            "Phase 1",
            "PHASE1",
            "Phase 2",
            "PHASE2",
            "Phase 3",
            "PHASE3",
            "Phase 4",
            "PHASE4",
            "Not Applicable",
            "NA");

    private final ConditionVocabulary vocabulary;

    public AactStudies(ConditionVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public void read(Path csv, Consumer<JsonNode> each) {
        var schema = CsvSchema.emptySchema().withHeader();
        try (var rows =
                new CsvMapper().readerFor(Map.class).with(schema).<Map<String, String>>readValues(csv.toFile())) {
            while (rows.hasNextValue()) {
                each.accept(study(rows.nextValue()));
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Cannot read " + csv + ": " + e.getOriginalMessage(), e);
        }
    }

    public JsonNode study(Map<String, String> row) {
        var protocol = NODES.objectNode();
        var identification = protocol.putObject("identificationModule");
        identification.put("nctId", value(row, "nct_id"));
        identification.put("briefTitle", value(row, "brief_title"));
        identification.put("officialTitle", value(row, "official_title"));
        var status = protocol.putObject("statusModule");
        status.put("overallStatus", upperSnake(value(row, "overall_status")));
        if (value(row, "last_known_status") != null) {
            status.put("lastKnownStatus", upperSnake(value(row, "last_known_status")));
        }
        if (value(row, "start_date") != null) {
            status.putObject("startDateStruct").put("date", value(row, "start_date"));
        }
        if (value(row, "last_update_posted_date") != null) {
            status.putObject("lastUpdatePostDateStruct").put("date", value(row, "last_update_posted_date"));
        }
        design(protocol, row);
        eligibility(protocol, row);
        var sponsor = value(row, "sponsors") != null
                ? value(row, "sponsors").split(";")[0].strip()
                : value(row, "source");
        if (sponsor != null) {
            protocol.putObject("sponsorCollaboratorsModule")
                    .putObject("leadSponsor")
                    .put("name", sponsor);
        }
        conditions(protocol, row);
        leadSite(protocol, row);
        var study = NODES.objectNode();
        study.set("protocolSection", protocol);
        return study;
    }

    private static void design(ObjectNode protocol, Map<String, String> row) {
        var design = protocol.putObject("designModule");
        if (value(row, "study_type") != null) {
            design.put("studyType", upperSnake(value(row, "study_type")));
        }
        var phases = design.putArray("phases");
        if (value(row, "phase") != null) {
            Arrays.stream(value(row, "phase").split("/"))
                    .map(String::strip)
                    .map(PHASES::get)
                    .filter(phase -> phase != null)
                    .forEach(phases::add);
        }
        if (value(row, "enrollment") != null) {
            design.putObject("enrollmentInfo").put("count", (int) Double.parseDouble(value(row, "enrollment")));
        }
    }

    private static void eligibility(ObjectNode protocol, Map<String, String> row) {
        var eligibility = protocol.putObject("eligibilityModule");
        age(eligibility, "minimumAge", value(row, "minimum_age_num"), value(row, "minimum_age_unit"));
        age(eligibility, "maximumAge", value(row, "maximum_age_num"), value(row, "maximum_age_unit"));
    }

    private static void age(ObjectNode eligibility, String field, String number, String unit) {
        if (number != null && unit != null) {
            eligibility.put(field, (int) Double.parseDouble(number) + " " + unit);
        }
    }

    /** The conditions the titles name, most specific first (AACT's studies table has none of its own). */
    private void conditions(ObjectNode protocol, Map<String, String> row) {
        var titles = String.join(
                " ", List.of(String.valueOf(value(row, "brief_title")), String.valueOf(value(row, "official_title"))));
        var named = vocabulary.conceptIdsForQuery(titles);
        var array = protocol.putObject("conditionsModule").putArray("conditions");
        named.stream()
                .filter(id -> named.stream()
                        .noneMatch(other -> !other.equals(id)
                                && vocabulary.selfAndAncestors(other).contains(id)))
                .map(id -> vocabulary.label(id, Locale.ENGLISH))
                .forEach(array::add);
    }

    /**
     * The lead institution in the lead country (the extract's {@code lead_country} and {@code lead_institution},
     * or {@code cities_lead}) as the trial's one location, its principal investigator ({@code PI_name}) as the
     * location's contact: the studies table lists no facilities, and the lead country is what tells a Danish trial.
     * Without a lead country the row has no location, so the import counts it as not Danish.
     */
    private static void leadSite(ObjectNode protocol, Map<String, String> row) {
        var country = value(row, "lead_country");
        var institution = first(value(row, "lead_institution"));
        if (institution == null) {
            institution = first(value(row, "cities_lead"));
        }
        if (country == null || institution == null) {
            return;
        }
        var location = protocol.putObject("contactsLocationsModule")
                .putArray("locations")
                .addObject();
        location.put("facility", institution);
        location.put("country", country);
        var investigator = value(row, "PI_name");
        if (investigator != null) {
            location.putArray("contacts").addObject().put("name", investigator).put("role", "PRINCIPAL_INVESTIGATOR");
        }
    }

    private static String first(String list) {
        return list == null ? null : list.split(";")[0].strip();
    }

    private static String upperSnake(String value) {
        return value == null
                ? null
                : value.strip()
                        .replaceAll("[^A-Za-z0-9]+", "_")
                        .replaceAll("_+$", "")
                        .toUpperCase(Locale.ROOT)
                        .replace("UNKNOWN_STATUS", "UNKNOWN");
    }

    private static String value(Map<String, String> row, String column) {
        var value = row.get(column);
        return value == null || value.isBlank() || value.equals("NA") ? null : value.strip();
    }
}

package dk.trialport.demo;

import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;

/**
 * The trial team of a demo trial: the department of its first (lead) site, with an organization id in
 * the form tokens carry (hospital and department, e.g. {@code rh-onkologi}), as the development
 * identity provider gives its demo investigators.
 */
public final class DemoTeams {

    /** A demo trial's team: organization id and the department's name. */
    public record Team(String organizationId, String name) {}

    private static final Map<String, String> DEPARTMENTS = Map.of(
            "cancer",
            "onkologi",
            "diabetes",
            "endokrinologi",
            "cardiovascular",
            "kardiologi",
            "arthritis",
            "reumatologi",
            "psychiatry",
            "psykiatri",
            "lung",
            "lungemedicin",
            "neurology",
            "neurologi",
            "rare-diseases",
            "sjaeldne-sygdomme");

    private DemoTeams() {}

    /** The team of a trial bundle made by {@link DemoTrialGenerator}: its first department's. */
    public static Team of(Bundle trial) {
        for (var entry : trial.getEntry()) {
            if (entry.getResource() instanceof Organization department) {
                var key = department.getIdentifierFirstRep().getValue();
                var hospital = key.substring(0, key.indexOf('.'));
                var area = key.substring(key.indexOf('.') + 1);
                return new Team(hospital + "-" + DEPARTMENTS.getOrDefault(area, area), department.getName());
            }
        }
        throw new IllegalArgumentException("A demo trial without a department");
    }
}

package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMART scopes grant exactly the interactions they name. */
class FhirAccessTest {

    @ParameterizedTest(name = "{0} on {1} with {2}: {3}")
    @CsvSource({
        "ResearchStudy.cruds, ResearchStudy, c, true",
        "ResearchStudy.cruds, Location, c, false",
        "ResearchStudy.rs, ResearchStudy, c, false",
        "ResearchStudy.rs, ResearchStudy, r, true",
        "ResearchStudy.cu, ResearchStudy, u, true",
        "ResearchStudy.cu, ResearchStudy, d, false",
        "*.cruds, PractitionerRole, d, true",
        "Location.write, Location, u, true",
        "Location.read, Location, u, false",
        "Location.*, Location, d, true",
        "Location.xyz, Location, c, false",
        "Location, Location, c, false"
    })
    void aScopeGrantsWhatItNames(String scope, String type, char permission, boolean granted) {
        assertThat(FhirAccess.grants(scope, type, permission)).isEqualTo(granted);
    }
}

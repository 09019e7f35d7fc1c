package dk.trialport.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.catalogue.Trial;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import org.junit.jupiter.api.Test;

class RegistryLinksTest {

    @Test
    void theRegistryComesFromTheSystemElseFromTheFormOfTheNumber() {
        assertThat(RegistryLinks.registry(new Trial.Identifier(TrialIdentifier.NCT, "NCT01234567")))
                .isEqualTo("nct");
        assertThat(RegistryLinks.registry(new Trial.Identifier(null, "NCT01234567")))
                .isEqualTo("nct");
        assertThat(RegistryLinks.registry(new Trial.Identifier("urn:x", "2024-512345-12-00")))
                .isEqualTo("euct");
        assertThat(RegistryLinks.registry(new Trial.Identifier(null, "2019-001234-56")))
                .isEqualTo("eudract");
        assertThat(RegistryLinks.registry(new Trial.Identifier(TrialIdentifier.LOCAL_PROTOCOL, "P-1")))
                .isEqualTo("protocol");
        assertThat(RegistryLinks.registry(new Trial.Identifier("urn:x", "P-1"))).isEqualTo("other");
    }
}

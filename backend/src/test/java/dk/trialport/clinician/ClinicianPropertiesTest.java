package dk.trialport.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which EHRs may launch the app: the configured FHIR base URLs only, or (development) any http(s) address. */
class ClinicianPropertiesTest {

    @Test
    void aConfiguredListAdmitsExactlyThoseServers() {
        var properties =
                new ClinicianProperties("trialport-clinician", List.of(URI.create("https://ehr.rm.dk/fhir/")), 150, 20);
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/fhir"))).isTrue();
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/fhir/"))).isTrue();
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/other"))).isFalse();
        assertThat(properties.trusts(URI.create("https://evil.example/fhir"))).isFalse();
    }

    @Test
    void withoutAListOnlyHttpAddressesWithAHostAreAdmitted() {
        var properties = new ClinicianProperties("trialport-clinician", List.of(), 150, 20);
        assertThat(properties.trusts(URI.create("http://localhost:8081/fhir"))).isTrue();
        assertThat(properties.trusts(URI.create("ftp://ehr/fhir"))).isFalse();
        assertThat(properties.trusts(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(properties.trusts(URI.create("javascript:alert(1)"))).isFalse();
    }
}

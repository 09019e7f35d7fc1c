package dk.trialport.clinician;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Which EHRs may launch the app: the configured FHIR base URLs only; without them, none in production and any http(s)
 * address in development.
 */
class ClinicianPropertiesTest {

    @Test
    void aConfiguredListAdmitsExactlyThoseServers() {
        var properties = new ClinicianProperties(
                "trialport-clinician", List.of(URI.create("https://ehr.rm.dk/fhir/")), true, 150, 20);
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/fhir"))).isTrue();
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/fhir/"))).isTrue();
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/other"))).isFalse();
        assertThat(properties.trusts(URI.create("https://evil.example/fhir"))).isFalse();
    }

    @Test
    void withoutAListProductionAdmitsNoEhr() {
        var properties = new ClinicianProperties("trialport-clinician", List.of(), false, 150, 20);
        assertThat(properties.trusts(URI.create("https://ehr.rm.dk/fhir"))).isFalse();
    }

    @Test
    void withoutAListDevelopmentAdmitsOnlyHttpAddressesWithAHost() {
        var properties = new ClinicianProperties("trialport-clinician", List.of(), true, 150, 20);
        assertThat(properties.trusts(URI.create("http://localhost:8081/fhir"))).isTrue();
        assertThat(properties.trusts(URI.create("ftp://ehr/fhir"))).isFalse();
        assertThat(properties.trusts(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(properties.trusts(URI.create("javascript:alert(1)"))).isFalse();
    }

    @Test
    void productionSettingsBindFromTheEnvironmentEvenWhenEmpty() {
        for (var value : new String[] {"", "https://ehr.rm.dk/fhir,https://ehr.regionh.dk/fhir"}) {
            var bound = new Binder(new MapConfigurationPropertySource(Map.of(
                            "trialport.clinician.trusted-issuers", value, "trialport.clinician.any-issuer", "false")))
                    .bindOrCreate("trialport.clinician", ClinicianProperties.class);
            assertThat(bound.trustedIssuers()).hasSize(value.isEmpty() ? 0 : 2);
            assertThat(bound.trusts(URI.create("https://ehr.rm.dk/fhir"))).isEqualTo(!value.isEmpty());
        }
    }
}

package dk.trialport.registry.ctgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trialport.fhir.Eligibility;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.registry.CountryCodes;
import dk.trialport.registry.ImportKeys;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

class CtgovValuesTest {

    @Test
    void parsesRegistryAges() {
        assertThat(Eligibility.age("18 Years").getValue()).isEqualByComparingTo(new BigDecimal(18));
        assertThat(Eligibility.age("18 Years").getCode()).isEqualTo("a");
        assertThat(Eligibility.age("6 Months").getCode()).isEqualTo("mo");
        assertThat(Eligibility.age("1 Year").getCode()).isEqualTo("a");
        assertThat(Eligibility.age("2 Weeks").getCode()).isEqualTo("wk");
        assertThat(Eligibility.age("28 Days").getCode()).isEqualTo("d");
        assertThat(Eligibility.age("N/A")).isNull();
        assertThat(Eligibility.age(null)).isNull();
    }

    @Test
    void leavesAMissingAgeBoundEmpty() {
        var range = Eligibility.ageRange("18 Years", null);

        assertThat(range.getLow().getValue()).isEqualByComparingTo(new BigDecimal(18));
        assertThat(range.hasHigh()).isFalse();
        assertThat(Eligibility.ageRange("N/A", "N/A")).isNull();
    }

    @Test
    void givesBothAgeBoundsInOneUnitSoLowStaysBelowHigh() {
        var range = Eligibility.ageRange("6 Months", "2 Years");

        assertThat(range.getLow().getValue()).isEqualByComparingTo(new BigDecimal(6));
        assertThat(range.getHigh().getValue()).isEqualByComparingTo(new BigDecimal(24));
        assertThat(range.getLow().getCode()).isEqualTo("mo");
        assertThat(range.getHigh().getCode()).isEqualTo("mo");
        assertThat(range.getHigh().getUnit()).isEqualTo("months");
        var days = Eligibility.ageRange("28 Days", "1 Year");
        assertThat(days.getHigh().getCode()).isEqualTo("d");
        assertThat(days.getHigh().getValue()).isEqualByComparingTo("365.25");
        assertThat(Eligibility.ageRange("18 Years", "75 Years").getHigh().getCode())
                .isEqualTo("a");
    }

    @Test
    void keysFacilitiesReadablyAndStably() {
        assertThat(ImportKeys.facility("Bispebjerg og Frederiksberg Hospital", "København NV", "2400", "DK"))
                .isEqualTo("dk.koebenhavn-nv.2400.bispebjerg-og-frederiksberg-hospital");
        assertThat(ImportKeys.facility("Hôpital Saint-Louis", "Paris", null, "FR"))
                .isEqualTo("fr.paris.hopital-saint-louis");
        assertThat(ImportKeys.hashed("NCT1", "a"))
                .isEqualTo(ImportKeys.hashed("NCT1", "a"))
                .isNotEqualTo(ImportKeys.hashed("NCT1", "b"));
        assertThat(ImportKeys.conditionalUrl("Location", CtgovSystems.FACILITY, "dk.aarhus-n.8200.auh"))
                .isEqualTo("Location?identifier=https://trialport.dk/fhir/sid/ctgov-facility|dk.aarhus-n.8200.auh");
    }

    @Test
    void mapsRegistryCountryNamesToIso() {
        assertThat(CountryCodes.iso("Denmark")).isEqualTo("DK");
        assertThat(CountryCodes.iso("Korea, Republic of")).isEqualTo("KR");
        assertThat(CountryCodes.iso("Turkey (Türkiye)")).isEqualTo("TR");
        assertThat(CountryCodes.iso("Bosnia and Herzegovina")).isEqualTo("BA");
        assertThat(CountryCodes.iso("United States")).isEqualTo("US");
        assertThat(CountryCodes.iso("Atlantis")).isNull();
    }

    @Test
    void recognisesTrialRegisterNumbersByFormat() throws Exception {
        var json = new ObjectMapper().readTree("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001","secondaryIdInfos":[
          {"id":"2014-005098-35","type":"EUDRACT_NUMBER"},
          {"id":"2023-503951-81-00","type":"OTHER","domain":"EU CT number"},
          {"id":"2023-505976-31","type":"OTHER","domain":"EuCTR"},
          {"id":"U1111-1281-9323","type":"OTHER","domain":"WHO"}]}}}""");

        var identifiers = StudyIdentifiers.of(new CtgovStudy(json));

        assertThat(identifiers)
                .extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(
                        tuple(TrialIdentifier.NCT, "NCT00000001"),
                        tuple(TrialIdentifier.EUDRACT, "2014-005098-35"),
                        tuple(TrialIdentifier.EU_CT, "2023-503951-81-00"),
                        tuple(TrialIdentifier.EU_CT, "2023-505976-31"),
                        tuple(TrialIdentifier.LOCAL_PROTOCOL, "U1111-1281-9323"));
        assertThat(identifiers.get(4).getType().getText()).isEqualTo("WHO");
    }
}

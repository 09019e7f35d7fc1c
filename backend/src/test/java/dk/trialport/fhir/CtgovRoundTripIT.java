package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.registry.ctgov.CtgovReader;
import dk.trialport.registry.ctgov.CtgovStudyMapper;
import dk.trialport.registry.ctgov.SiteFilter;
import dk.trialport.support.FhirClients;
import dk.trialport.support.SharedData;
import dk.trialport.support.TrialportIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every ClinicalTrials.gov record in {@code ../shared/data/ctgov/} becomes a trial with its sites and
 * contacts through the API, and reads back exactly as sent; a record open for recruitment that names
 * no site or contact is refused for exactly that reason (skipped when the data is absent).
 */
@TrialportIntegrationTest
class CtgovRoundTripIT {

    private static final FhirContext CLIENT_CONTEXT = FhirClients.CONTEXT;

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Test
    void everyRecordIsStoredWithItsSitesAndReadsBackUnchanged() throws IOException {
        var directory = SharedData.directory("ctgov");
        Assumptions.assumeTrue(directory.isPresent(), "ClinicalTrials.gov data absent: no shared/data/ctgov");
        IGenericClient hospital = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
        var mapper = new CtgovStudyMapper();
        var mismatches = new ArrayList<String>();
        int trials = 0;
        int refusedOpenWithoutSite = 0;
        long start = System.nanoTime();

        try (var files = Files.list(directory.get())) {
            for (var file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (var study : CtgovReader.readAll(file)) {
                    var sent = mapper.toTransaction(study, SiteFilter.ALL);
                    var copy = CLIENT_CONTEXT
                            .newJsonParser()
                            .parseResource(
                                    Bundle.class, CLIENT_CONTEXT.newJsonParser().encodeResourceToString(sent));
                    trials++;
                    if (trials % 25 == 0) {
                        // a fresh token now and then: on a busy machine the run outlasts one token's lifetime
                        hospital = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
                    }
                    Bundle response;
                    try {
                        response = hospital.transaction().withBundle(copy).execute();
                    } catch (UnprocessableEntityException refused) {
                        var diagnostics = ((OperationOutcome) refused.getOperationOutcome())
                                .getIssue().stream()
                                        .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                                        .toList();
                        assertThat(diagnostics)
                                .as("why %s was refused", study.at("/protocolSection/identificationModule/nctId"))
                                .allMatch(d -> d.contains("open for recruitment needs"));
                        refusedOpenWithoutSite++;
                        continue;
                    }
                    mismatches.addAll(compare(hospital, sent, response));
                }
            }
        }

        System.out.printf(
                "ctgov round trip: %d trials through POST /fhir in %d ms; %d refused as open without site or "
                        + "contact%n",
                trials, (System.nanoTime() - start) / 1_000_000, refusedOpenWithoutSite);
        assertThat(trials).isGreaterThanOrEqualTo(150);
        assertThat(refusedOpenWithoutSite).isLessThan(trials / 10);
        assertThat(mismatches).isEmpty();
    }

    /** Reads every stored entry back and compares it with what was sent, its references resolved. */
    private static ArrayList<String> compare(IGenericClient client, Bundle sent, Bundle response) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < sent.getEntry().size(); i++) {
            var location = new IdType(response.getEntry().get(i).getResponse().getLocation());
            ids.put(sent.getEntry().get(i).getFullUrl(), location.getResourceType() + "/" + location.getIdPart());
        }
        var mismatches = new ArrayList<String>();
        for (var entry : sent.getEntry()) {
            var expected = entry.getResource();
            for (var reference : CLIENT_CONTEXT.newTerser().getAllResourceReferences(expected)) {
                var target = ids.get(
                        reference.getResourceReference().getReferenceElement().getValue());
                if (target != null) {
                    reference.getResourceReference().setReference(target);
                }
            }
            var id = new IdType(ids.get(entry.getFullUrl()));
            var stored = (Resource) client.read()
                    .resource(expected.fhirType())
                    .withId(id.getIdPart())
                    .execute();
            expected.setId(stored.getIdElement().getIdPart());
            expected.setMeta(stored.getMeta());
            // the server adds its generated narrative (and meta.profile, copied above): everything else as sent
            assertThat(stored instanceof org.hl7.fhir.r4.model.DomainResource domain
                                    && domain.getText().getStatus()
                                            == org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED
                            || !java.util.List.of("ResearchStudy", "Location", "Organization")
                                    .contains(stored.fhirType()))
                    .as("%s has a generated narrative", id.getValue())
                    .isTrue();
            if (expected instanceof org.hl7.fhir.r4.model.DomainResource domain
                    && stored instanceof org.hl7.fhir.r4.model.DomainResource storedDomain) {
                domain.setText(storedDomain.getText());
            }
            var expectedJson = CLIENT_CONTEXT.newJsonParser().encodeResourceToString(expected);
            var storedJson = CLIENT_CONTEXT.newJsonParser().encodeResourceToString(stored);
            if (!expectedJson.equals(storedJson)) {
                mismatches.add(id.getValue() + " differs from what was sent");
            }
        }
        return mismatches;
    }
}

package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.audit.AuditLog;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.recruitment.application.RegisteringInterest;
import dk.trialport.recruitment.application.WithdrawingConsent;
import dk.trialport.recruitment.model.ContactChannel;
import dk.trialport.recruitment.model.InterestRegistration;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.PersonBuilder;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A hospital system polls its trial's new and changed candidates as ResearchSubjects: withdrawals show,
 * contact details only once shared, another organization gets nothing, and every read is in the person's
 * access log.
 */
@TrialportIntegrationTest
class ResearchSubjectIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Autowired
    RegisteringInterest registering;

    @Autowired
    WithdrawingConsent withdrawing;

    @Autowired
    dk.trialport.recruitment.application.MyData myData;

    @Autowired
    AuditLog audit;

    @Autowired
    DatabaseClient database;

    @Autowired
    ResourceIntake intake;

    @Autowired
    ApplicationContext context;

    @Test
    void aHospitalPollsItsTrialsCandidates() {
        var web = FhirClients.web(port);
        var hospital = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES + " system/ResearchSubject.rs");
        var trial = trial(web, hospital, "NCT07400001");
        var anne = registering
                .register(
                        "anne-subject",
                        trial,
                        new RegisteringInterest.Request(ContactChannel.EMAIL, "anne@example.dk", "Jeg har diabetes"))
                .block();
        Eventually.clockPasses(Instant.now());
        var bob = registering
                .register(
                        "bob-subject",
                        trial,
                        new RegisteringInterest.Request(ContactChannel.PHONE, "+45 20 30 40 50", null))
                .block();

        var first = search(web, hospital, "study=ResearchStudy/" + trial);
        assertThat(first.getTotal()).isEqualTo(2);
        assertThat(ids(first))
                .as("oldest change first")
                .containsExactly(anne.id().toString(), bob.id().toString());
        var subject = (ResearchSubject) first.getEntryFirstRep().getResource();
        assertThat(intake.findIssues(subject))
                .as("a valid R4 ResearchSubject")
                .noneMatch(issue ->
                        issue.severity().equals("error") || issue.severity().equals("fatal"));
        assertThat(subject.getStatus()).isEqualTo(ResearchSubject.ResearchSubjectStatus.CANDIDATE);
        assertThat(((Coding) subject.getExtensionByUrl(TrialportFhir.Extensions.CANDIDATE_STATUS)
                                .getValue())
                        .getCode())
                .isEqualTo("received");
        assertThat(subject.getStudy().getReference()).isEqualTo("ResearchStudy/" + trial);
        var person = contained(subject, Patient.class);
        assertThat(person.getTelecom())
                .as("blind contact: nothing but the pseudonym before sharing")
                .isEmpty();
        assertThat(person.getName()).isEmpty();
        assertThat(person.getIdentifierFirstRep().getValue())
                .isEqualTo(anne.id().toString());
        var consent = contained(subject, Consent.class);
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(consent.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("research");
        assertThat(consent.getPolicyFirstRep().getUri()).endsWith("/interest-2026-12");
        assertThat(consent.getDateTime()).isNotNull();
        assertThat(FhirClients.CONTEXT.newJsonParser().encodeResourceToString(first))
                .doesNotContain("anne@example.dk", "Jeg har diabetes", "20 30 40 50");
        assertThat(subject.getText().getDivAsString())
                .as(
                        "a narrative a FHIR viewer shows: the pseudonym, the status and the trial, nothing else of the person")
                .contains(anne.id().toString(), "ResearchStudy/" + trial)
                .doesNotContain("anne@example.dk", "Jeg har diabetes");

        var seen =
                first.getEntry().get(1).getResource().getMeta().getLastUpdated().toInstant();
        Eventually.clockPasses(seen);
        withdrawing.withdraw("anne-subject", anne.id()).block();
        database.sql("UPDATE interest_registration SET contact_shared_at = now(), updated_at = now() WHERE id = :id")
                .bind("id", bob.id())
                .then()
                .block();
        var changes = search(web, hospital, "study=ResearchStudy/" + trial + "&_lastUpdated=gt" + seen);
        assertThat(ids(changes)).containsExactly(anne.id().toString(), bob.id().toString());
        var withdrawn = (ResearchSubject) changes.getEntry().get(0).getResource();
        assertThat(withdrawn.getStatus()).isEqualTo(ResearchSubject.ResearchSubjectStatus.WITHDRAWN);
        assertThat(contained(withdrawn, Consent.class).getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        var shared = contained((ResearchSubject) changes.getEntry().get(1).getResource(), Patient.class);
        assertThat(shared.getTelecomFirstRep().getValue())
                .as("shared: the number Bob gave")
                .isEqualTo("+45 20 30 40 50");

        var page = search(web, hospital, "study=ResearchStudy/" + trial + "&_count=1");
        assertThat(ids(page)).containsExactly(anne.id().toString());
        var next = page.getLink("next").getUrl();
        var second = parse(
                web.get()
                        .uri(java.net.URI.create(next))
                        .headers(h -> h.setBearerAuth(hospital))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                Bundle.class);
        assertThat(ids(second)).containsExactly(bob.id().toString());
        assertThat(second.getLink("next")).isNull();
        var read = parse(
                web.get()
                        .uri("/fhir/ResearchSubject/" + bob.id())
                        .headers(h -> h.setBearerAuth(hospital))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                ResearchSubject.class);
        assertThat(read.getIdElement().getIdPart()).isEqualTo(bob.id().toString());

        var aarhus = Tokens.aarhusHospital(identity.issuer(), "system/ResearchSubject.rs");
        TrialOwnershipIT.refused(
                web.get()
                        .uri("/fhir/ResearchSubject?study=ResearchStudy/" + trial)
                        .headers(h -> h.setBearerAuth(aarhus))
                        .exchange(),
                "rh-onkologi");
        TrialOwnershipIT.refused(
                web.get()
                        .uri("/fhir/ResearchSubject/" + bob.id())
                        .headers(h -> h.setBearerAuth(aarhus))
                        .exchange(),
                "rh-onkologi");

        var anneReads = reads(anne);
        assertThat(anneReads)
                .as("first search, the poll, the first page")
                .hasSize(3)
                .allSatisfy(entry -> {
                    assertThat(entry.actor()).isEqualTo("demo-hospital");
                    assertThat(entry.actorRole()).isEqualTo("hospital_system");
                    assertThat(entry.reason()).isEqualTo("FHIR read");
                    assertThat(entry.resource()).isEqualTo("ResearchSubject/" + anne.id());
                });
        assertThat(reads(bob))
                .as("first search, the poll, the second page, the read")
                .hasSize(4);
        var anneLoggedIn = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .mutateWith(PersonBuilder.citizen("anne-subject").login());
        anneLoggedIn
                .get()
                .uri("/min-side")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Hospitalets system (demo-hospital)"));
    }

    /** GDPR Art. 19: whoever received a registration learns of its erasure, by the same poll, with nothing left in it. */
    @Test
    void anErasureReachesTheHospitalAndTheTeam() {
        var web = FhirClients.web(port);
        var hospital = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES + " system/ResearchSubject.rs");
        var trial = trial(web, hospital, "NCT07400002");
        var carl = registering
                .register(
                        "carl-subject",
                        trial,
                        new RegisteringInterest.Request(
                                ContactChannel.EMAIL, "carl@example.dk", "Jeg vil gerne deltage"))
                .block();
        var pulled = search(web, hospital, "study=ResearchStudy/" + trial);
        assertThat(ids(pulled)).containsExactly(carl.id().toString());
        var seen = pulled.getEntryFirstRep()
                .getResource()
                .getMeta()
                .getLastUpdated()
                .toInstant();
        Eventually.clockPasses(seen);

        assertThat(myData.delete("carl-subject").block()).isTrue();

        var poll = search(web, hospital, "study=ResearchStudy/" + trial + "&_lastUpdated=ge" + seen);
        assertThat(ids(poll))
                .as("the poll brings the erasure")
                .containsExactly(carl.id().toString());
        var erased = (ResearchSubject) poll.getEntryFirstRep().getResource();
        assertThat(erased.getStatus()).isEqualTo(ResearchSubject.ResearchSubjectStatus.WITHDRAWN);
        assertThat(erased.getMeta().getTag()).anyMatch(tag -> tag.getCode().equals("erased"));
        assertThat(erased.getMeta().getLastUpdated().toInstant()).isAfter(seen);
        assertThat(erased.getPeriod().getEnd()).isNotNull();
        assertThat(contained(erased, Patient.class).getTelecom()).isEmpty();
        assertThat(erased.getContained()).noneMatch(Consent.class::isInstance);
        assertThat(intake.findIssues(erased))
                .as("still a valid R4 ResearchSubject")
                .noneMatch(issue ->
                        issue.severity().equals("error") || issue.severity().equals("fatal"));
        assertThat(FhirClients.CONTEXT.newJsonParser().encodeResourceToString(poll))
                .doesNotContain("carl@example.dk", "Jeg vil gerne deltage", "carl-subject");
        web.get()
                .uri("/fhir/ResearchSubject/" + carl.id())
                .headers(h -> h.setBearerAuth(hospital))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("erased").doesNotContain("carl@example.dk"));

        var team = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .mutateWith(
                        PersonBuilder.investigator("inv-erasure", "rh-onkologi").login());
        team.get()
                .uri("/arbejdsrum/forsoeg/{id}/kandidater", trial)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("Slettede tilmeldinger", "Kandidat " + carl.pseudonym())
                        .doesNotContain("carl@example.dk"));
    }

    @Test
    void theApiSaysWhatItOffers() {
        var web = FhirClients.web(port);
        var metadata = parse(
                web.get()
                        .uri("/fhir/metadata")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                CapabilityStatement.class);
        var subject = metadata.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("ResearchSubject"))
                .findFirst()
                .orElseThrow();
        assertThat(subject.getSearchParam()).extracting(p -> p.getName()).contains("study", "_lastUpdated");
        web.get()
                .uri("/fhir/.well-known/smart-configuration")
                .exchange()
                .expectBody()
                .jsonPath("$.scopes_supported[?(@ == 'system/ResearchSubject.rs')]")
                .exists();

        var hospital = Tokens.demoHospital(identity.issuer(), "system/ResearchSubject.rs");
        web.get()
                .uri("/fhir/ResearchSubject")
                .headers(h -> h.setBearerAuth(hospital))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.issue[0].expression[0]")
                .isEqualTo("study");
    }

    private List<AuditLog.Entry> reads(InterestRegistration registration) {
        return audit.about(registration.personId().toString())
                .filter(entry -> entry.action().equals("fhir-read"))
                .collectList()
                .block();
    }

    private static String trial(WebTestClient web, String token, String nct) {
        var site = TrialOwnershipIT.created(web.post()
                .uri("/fhir/Location")
                .headers(h -> h.setBearerAuth(token))
                .contentType(FHIR_JSON)
                .bodyValue(TrialOwnershipIT.json(TrialBuilder.aSite()))
                .exchange());
        var study = TrialBuilder.registered(nct)
                .at(new Reference("Location/" + site))
                .study();
        return TrialOwnershipIT.created(web.post()
                .uri("/fhir/ResearchStudy")
                .headers(h -> h.setBearerAuth(token))
                .contentType(FHIR_JSON)
                .bodyValue(TrialOwnershipIT.json(study))
                .exchange());
    }

    private static Bundle search(WebTestClient web, String token, String query) {
        return parse(
                web.get()
                        .uri("/fhir/ResearchSubject?" + query)
                        .headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                Bundle.class);
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }

    private static <T extends org.hl7.fhir.r4.model.Resource> T contained(ResearchSubject subject, Class<T> type) {
        return subject.getContained().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(String body, Class<T> type) {
        return FhirClients.CONTEXT.newJsonParser().parseResource(type, body);
    }
}

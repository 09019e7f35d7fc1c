package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import dk.trialport.identity.IdentityProperties;
import dk.trialport.identity.TrialTeams;
import dk.trialport.support.FhirClients;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trial belongs to the team of the organization that created it: only that team's systems and
 * members, and administrators, change it, directly or in a transaction; sites stay shared.
 */
@TrialportIntegrationTest
class TrialOwnershipIT {

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Autowired
    TrialTeams teams;

    @Autowired
    DatabaseClient database;

    @Autowired
    ApplicationContext context;

    WebTestClient web;
    String copenhagen;
    String aarhus;
    String siteId;

    @BeforeEach
    void tokens() {
        web = FhirClients.web(port);
        copenhagen = Tokens.demoHospital(identity.issuer(), FhirClients.ALL_SCOPES);
        aarhus = Tokens.aarhusHospital(identity.issuer(), FhirClients.ALL_SCOPES);
        if (siteId == null) {
            siteId = created(web.post()
                    .uri("/fhir/Location")
                    .headers(bearer(copenhagen))
                    .contentType(FHIR_JSON)
                    .bodyValue(json(TrialBuilder.aSite()))
                    .exchange());
        }
    }

    @Test
    void aCreatedTrialIsItsCreatorsAndOnlyItsTeamChangesIt() {
        var study = TrialBuilder.registered("NCT07300001")
                .at(new Reference("Location/" + siteId))
                .study();
        var id = created(web.post()
                .uri("/fhir/ResearchStudy")
                .headers(bearer(copenhagen))
                .contentType(FHIR_JSON)
                .bodyValue(json(study))
                .exchange());
        assertThat(teams.teamOf(id).block()).isEqualTo("rh-onkologi");

        study.setId(id);
        study.setTitle("Changed by another hospital");
        refused(
                web.put()
                        .uri("/fhir/ResearchStudy/" + id)
                        .headers(bearer(aarhus))
                        .contentType(FHIR_JSON)
                        .bodyValue(json(study))
                        .exchange(),
                "another organization's team (rh-onkologi)");
        refused(
                web.delete()
                        .uri("/fhir/ResearchStudy/" + id)
                        .headers(bearer(aarhus))
                        .exchange(),
                "rh-onkologi");
        refused(
                web.put()
                        .uri("/fhir/ResearchStudy?identifier=" + TrialportFhir.TrialIdentifier.NCT + "|NCT07300001")
                        .headers(bearer(aarhus))
                        .contentType(FHIR_JSON)
                        .bodyValue(json(study.setId((String) null)))
                        .exchange(),
                "rh-onkologi");
        assertThat(version(id)).as("no refused write made a version").isEqualTo(1);

        study.setId(id);
        web.put()
                .uri("/fhir/ResearchStudy/" + id)
                .headers(bearer(copenhagen))
                .contentType(FHIR_JSON)
                .bodyValue(json(study))
                .exchange()
                .expectStatus()
                .isOk();
        study.setTitle("Corrected by the operator");
        web.put()
                .uri("/fhir/ResearchStudy/" + id)
                .headers(bearer(Tokens.operator(identity.issuer())))
                .contentType(FHIR_JSON)
                .bodyValue(json(study))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(version(id)).isEqualTo(3);
        assertThat(teams.teamOf(id).block())
                .as("an administrator's change keeps the team")
                .isEqualTo("rh-onkologi");

        var location = FhirClients.CONTEXT
                .newJsonParser()
                .parseResource(
                        org.hl7.fhir.r4.model.Location.class,
                        web.get()
                                .uri("/fhir/Location/" + siteId)
                                .exchange()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody());
        location.setName("Rigshospitalet, Endokrinologisk Klinik, afsnit 2");
        web.put()
                .uri("/fhir/Location/" + siteId)
                .headers(bearer(aarhus))
                .contentType(FHIR_JSON)
                .bodyValue(json(location))
                .exchange()
                .expectStatus()
                .isOk(); // sites are shared: the scopes decide

        web.delete()
                .uri("/fhir/ResearchStudy/" + id)
                .headers(bearer(copenhagen))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void aTransactionThatTouchesAnotherTeamsTrialWritesNothing() {
        var id = created(web.post()
                .uri("/fhir/ResearchStudy")
                .headers(bearer(copenhagen))
                .contentType(FHIR_JSON)
                .bodyValue(json(TrialBuilder.registered("NCT07300002")
                        .at(new Reference("Location/" + siteId))
                        .study()))
                .exchange());
        var mine = TrialBuilder.registered("NCT07300003")
                .at(new Reference("Location/" + siteId))
                .study();
        var theirs = TrialBuilder.registered("NCT07300002")
                .at(new Reference("Location/" + siteId))
                .study();
        theirs.setTitle("Taken over in a transaction");

        var direct = transaction(mine);
        theirs.setId(id);
        direct.addEntry()
                .setResource(theirs)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("ResearchStudy/" + id);
        refused(post(direct, aarhus), "rh-onkologi");

        var conditional = transaction(mine);
        conditional
                .addEntry()
                .setResource(theirs.setId((String) null))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("ResearchStudy?identifier=" + TrialportFhir.TrialIdentifier.NCT + "|NCT07300002");
        refused(post(conditional, aarhus), "rh-onkologi");

        assertThat(version(id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM fhir_identifier WHERE value = 'NCT07300003'"))
                .as("the refused transactions' new trial was not kept")
                .isZero();

        post(transaction(mine), aarhus).expectStatus().isOk();
        var aarhusTrial = FhirClients.CONTEXT
                .newJsonParser()
                .parseResource(
                        Bundle.class,
                        web.get()
                                .uri("/fhir/ResearchStudy?identifier=NCT07300003")
                                .exchange()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody())
                .getEntryFirstRep()
                .getResource()
                .getIdElement()
                .getIdPart();
        assertThat(teams.teamOf(aarhusTrial).block())
                .as("created in a transaction: the team comes with it")
                .isEqualTo("auh-endokrinologi");
    }

    @Test
    void aTrialOfNoTeamIsChangedByAdministratorsOnlyAndACallerOfNoOrganizationWritesNone() {
        var operator = Tokens.operator(identity.issuer());
        var study = TrialBuilder.registered("NCT07300004")
                .at(new Reference("Location/" + siteId))
                .study();
        var id = created(web.post()
                .uri("/fhir/ResearchStudy")
                .headers(bearer(operator))
                .contentType(FHIR_JSON)
                .bodyValue(json(study))
                .exchange());
        assertThat(teams.teamOf(id).block())
                .as("an operator's import belongs to no team")
                .isNull();
        study.setId(id);
        refused(
                web.put()
                        .uri("/fhir/ResearchStudy/" + id)
                        .headers(bearer(copenhagen))
                        .contentType(FHIR_JSON)
                        .bodyValue(json(study))
                        .exchange(),
                "belongs to no trial team");

        var orphan = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject("system-without-organization")
                                .claim("roles", java.util.List.of("HOSPITAL_SYSTEM")))
                        .authorities(
                                new SimpleGrantedAuthority("ROLE_HOSPITAL_SYSTEM"),
                                new SimpleGrantedAuthority("SCOPE_system/ResearchStudy.cruds")));
        refused(
                orphan.post()
                        .uri("/fhir/ResearchStudy")
                        .contentType(FHIR_JSON)
                        .bodyValue(json(TrialBuilder.registered("NCT07300005")
                                .at(new Reference("Location/" + siteId))
                                .study()))
                        .exchange(),
                "names no organization");
        assertThat(count("SELECT count(*) FROM fhir_identifier WHERE value = 'NCT07300005'"))
                .isZero();
    }

    private Bundle transaction(ResearchStudy study) {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry()
                .setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
                .setResource(study.copy())
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("ResearchStudy");
        return bundle;
    }

    private WebTestClient.ResponseSpec post(Bundle bundle, String token) {
        return web.post()
                .uri("/fhir")
                .headers(bearer(token))
                .contentType(FHIR_JSON)
                .bodyValue(json(bundle))
                .exchange();
    }

    static void refused(WebTestClient.ResponseSpec response, String reason) {
        response.expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome")
                .jsonPath("$.issue[0].code")
                .isEqualTo("forbidden")
                .jsonPath("$.issue[0].diagnostics")
                .value(text -> assertThat((String) text).contains(reason));
    }

    static String created(WebTestClient.ResponseSpec response) {
        var location = response.expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        return location.getPath().split("/")[3];
    }

    private int version(String id) {
        return database.sql("SELECT version FROM fhir_resource WHERE resource_type = 'ResearchStudy' AND id = :id")
                .bind("id", id)
                .map(row -> row.get(0, Integer.class))
                .one()
                .block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    static String json(IBaseResource resource) {
        return FhirClients.CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}

package dk.trialport.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.util.ArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A hospital system drives the catalogue with HAPI's own generic client, as it would in production. */
@TrialportIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirCatalogueIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    IGenericClient hospital;
    IGenericClient anonymous;
    Reference site;

    @BeforeAll
    void connect() {
        hospital = FhirClients.hospital(port, identity.issuer(), FhirClients.ALL_SCOPES);
        anonymous = FhirClients.anonymous(port);
        var department = hospital.create()
                .resource(TrialBuilder.department("265421000016007", "Rigshospitalet, Endokrinologisk Klinik"))
                .execute()
                .getId()
                .toUnqualifiedVersionless();
        var location = TrialBuilder.site(
                "Rigshospitalet, Endokrinologisk ambulatorium",
                "København Ø",
                "2100",
                new Reference(department.getValue()));
        site = new Reference(hospital.create()
                .resource(location)
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue());
    }

    @Test
    void theCapabilityStatementTellsWhatTheServerDoes() {
        var capabilities =
                anonymous.capabilities().ofType(CapabilityStatement.class).execute();

        var study = capabilities.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("ResearchStudy"))
                .findFirst()
                .orElseThrow();
        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(study.getConditionalCreate()).isTrue();
        assertThat(study.getVersioning()).isEqualTo(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        assertThat(study.getSearchInclude()).extracting(i -> i.getValue()).contains("ResearchStudy:site");
    }

    @Test
    void aCreatedTrialReadsBackAsSentWithVersionAndTime() {
        var sent = TrialBuilder.registered("NCT90000001").at(site).study();

        var created = hospital.create().resource(sent).execute();
        var read = hospital.read()
                .resource(ResearchStudy.class)
                .withId(created.getId().getIdPart())
                .execute();

        assertThat(created.getCreated()).isTrue();
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(read.getMeta().getLastUpdated()).isNotNull();
        assertThat(read.getTitle()).isEqualTo(sent.getTitle());
        assertThat(read.getConditionFirstRep().getCodingFirstRep().getCode()).isEqualTo("DE11");
        assertThat(read.getSiteFirstRep().getReference()).isEqualTo(site.getReference());
    }

    @Test
    void aConditionalCreateSentTwiceMakesOneTrial() {
        var criteria = "identifier=" + TrialIdentifier.NCT + "|NCT90000002";

        var first = hospital.create()
                .resource(TrialBuilder.registered("NCT90000002").at(site).study())
                .conditionalByUrl("ResearchStudy?" + criteria)
                .execute();
        var second = hospital.create()
                .resource(TrialBuilder.registered("NCT90000002").at(site).study())
                .conditionalByUrl("ResearchStudy?" + criteria)
                .execute();

        assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        var found = anonymous
                .search()
                .forResource(ResearchStudy.class)
                .where(ResearchStudy.IDENTIFIER.exactly().systemAndCode(TrialIdentifier.NCT, "NCT90000002"))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getTotal()).isEqualTo(1);
    }

    @Test
    void anUpdateWithAStaleVersionIsRefusedAndChangesNothing() {
        var created = hospital.create()
                .resource(TrialBuilder.registered("NCT90000003").at(site).study())
                .execute();
        var current = hospital.read()
                .resource(ResearchStudy.class)
                .withId(created.getId().getIdPart())
                .execute();
        current.setTitle("Changed once");
        hospital.update()
                .resource(current)
                .withId(current.getIdElement().toUnqualifiedVersionless())
                .execute();

        current.setTitle("Changed from a stale copy");
        current.setId(new IdType("ResearchStudy", current.getIdElement().getIdPart(), "1"));
        assertThatThrownBy(() -> hospital.update()
                        .resource(current)
                        .withId(current.getIdElement())
                        .execute())
                .isInstanceOf(PreconditionFailedException.class);

        var now = hospital.read()
                .resource(ResearchStudy.class)
                .withId(created.getId().getIdPart())
                .execute();
        assertThat(now.getTitle()).isEqualTo("Changed once");
        assertThat(now.getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void historyListsEveryVersionAndDeleteLeavesAGoneTrial() {
        var created = hospital.create()
                .resource(TrialBuilder.registered("NCT90000004").at(site).study())
                .execute();
        var id = created.getId().toUnqualifiedVersionless();
        var study = (ResearchStudy)
                hospital.read().resource(ResearchStudy.class).withId(id).execute();
        study.setStatus(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL);
        hospital.update().resource(study).execute();
        hospital.delete().resourceById(id).execute();

        var history =
                hospital.history().onInstance(id).returnBundle(Bundle.class).execute();
        assertThat(history.getEntry()).hasSize(3);
        assertThat(history.getEntry().get(0).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
        assertThatThrownBy(() -> anonymous
                        .read()
                        .resource(ResearchStudy.class)
                        .withId(id)
                        .execute())
                .isInstanceOf(ResourceGoneException.class);
        var firstVersion = anonymous.vread(ResearchStudy.class, id.getIdPart(), "1");
        assertThat(firstVersion.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
    }

    @Test
    void searchPagesFollowNextLinksToTheEndWithoutGapsOrRepeats() {
        var made = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            made.add(hospital.create()
                    .resource(TrialBuilder.department("SEARCH-" + i, "Afdeling " + i))
                    .prefer(PreferReturnEnum.MINIMAL)
                    .execute()
                    .getId()
                    .getIdPart());
        }

        var seen = new ArrayList<String>();
        var bundle = anonymous
                .search()
                .byUrl("Organization?_count=3&_sort=_id")
                .returnBundle(Bundle.class)
                .execute();
        while (true) {
            bundle.getEntry()
                    .forEach(
                            entry -> seen.add(entry.getResource().getIdElement().getIdPart()));
            if (bundle.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            bundle = anonymous.loadPage().next(bundle).execute();
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(made).isSorted();

        var back = new ArrayList<String>();
        while (bundle.getLink(Bundle.LINK_PREV) != null) {
            bundle = anonymous.loadPage().previous(bundle).execute();
            var page = bundle.getEntry().stream()
                    .map(entry -> entry.getResource().getIdElement().getIdPart())
                    .toList();
            back.addAll(0, page);
        }
        assertThat(back).hasSize(seen.size() - lastPageSize(seen.size(), 3)).isSorted();
        assertThat(seen).startsWith(back.toArray(String[]::new));
    }

    private static int lastPageSize(int total, int pageSize) {
        return total % pageSize == 0 ? pageSize : total % pageSize;
    }

    @Test
    void includesBringSitesAndDepartmentsAndElementsTrimTheTrials() {
        hospital.create()
                .resource(TrialBuilder.registered("NCT90000008").at(site).study())
                .execute();
        var search = "ResearchStudy?identifier=" + TrialIdentifier.NCT + "|NCT90000008";

        var withSites = anonymous
                .search()
                .byUrl(search + "&_include=ResearchStudy:site")
                .returnBundle(Bundle.class)
                .execute();
        var withDepartments = anonymous
                .search()
                .byUrl("Location?_id=" + new IdType(site.getReference()).getIdPart()
                        + "&_include=Location:organization&_revinclude=ResearchStudy:site")
                .returnBundle(Bundle.class)
                .execute();
        var trimmed = anonymous
                .search()
                .byUrl(search + "&_elements=title,status")
                .returnBundle(Bundle.class)
                .execute();

        assertThat(withSites.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .containsExactly("ResearchStudy", "Location");
        assertThat(withSites.getEntry().get(1).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
        assertThat(withDepartments.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .contains("Location", "Organization", "ResearchStudy");
        var study = (ResearchStudy) trimmed.getEntryFirstRep().getResource();
        assertThat(study.getTitle()).isNotBlank();
        assertThat(study.hasCondition()).isFalse();
    }

    @Test
    void readingSomethingUnknownAnswers404WithAnOperationOutcome() {
        assertThatThrownBy(() -> anonymous
                        .read()
                        .resource(ResearchStudy.class)
                        .withId("no-such-trial")
                        .execute())
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(((OperationOutcome) e.getOperationOutcome())
                                        .getIssueFirstRep()
                                        .getDiagnostics())
                                .contains("no-such-trial"));
    }

    @Test
    void aPublishedTrialWithoutSiteOrContactIsRefusedWithWhereItIsWrong() {
        var incomplete = TrialBuilder.registered("NCT90000005").at(site).study();
        incomplete.getSite().clear();
        incomplete.getContact().clear();

        assertThatThrownBy(() -> hospital.create().resource(incomplete).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(((OperationOutcome) e.getOperationOutcome()).getIssue())
                                .extracting(i -> i.getExpression().get(0).getValue())
                                .contains("ResearchStudy.site", "ResearchStudy.contact"));
    }

    @Test
    void validateReportsProblemsWithoutStoringAnything() {
        var incomplete = TrialBuilder.registered("NCT90000006").at(site).study();
        incomplete.getCondition().clear();
        var parameters = new org.hl7.fhir.r4.model.Parameters();
        parameters.addParameter().setName("resource").setResource(incomplete);

        var outcome = hospital.operation()
                .onType(ResearchStudy.class)
                .named("$validate")
                .withParameters(parameters)
                .returnResourceType(OperationOutcome.class)
                .execute();
        var valid = hospital.operation()
                .onType(ResearchStudy.class)
                .named("$validate")
                .withParameters(new org.hl7.fhir.r4.model.Parameters()
                        .addParameter(new org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent()
                                .setName("resource")
                                .setResource(TrialBuilder.registered("NCT90000007")
                                        .at(site)
                                        .study())))
                .returnResourceType(OperationOutcome.class)
                .execute();

        assertThat(outcome.getIssue())
                .anyMatch(i ->
                        i.getExpression().stream().anyMatch(e -> e.getValue().equals("ResearchStudy.condition")));
        assertThat(valid.getIssue()).noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
        var found = anonymous
                .search()
                .byUrl("ResearchStudy?identifier=" + TrialIdentifier.NCT + "|NCT90000006")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getTotal()).isZero();
    }

    @Test
    void writingWithoutATokenIsRefused() {
        assertThatThrownBy(() -> anonymous
                        .create()
                        .resource(TrialBuilder.department("X", "Uden adgang"))
                        .execute())
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aLocationReferencingAMissingOrganizationIsRefused() {
        var location = TrialBuilder.site("Et sted", "Aarhus", "8200", new Reference("Organization/does-not-exist"));

        assertThatThrownBy(() -> hospital.create().resource(location).execute())
                .isInstanceOf(UnprocessableEntityException.class);
        assertThat(anonymous
                        .search()
                        .forResource(Location.class)
                        .returnBundle(Bundle.class)
                        .execute()
                        .getTotal())
                .isEqualTo(1);
    }
}

package dk.trialport.fhir;

import dk.trialport.identity.IdentityProperties;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /fhir/metadata}: what this server really does, and where its tokens come from. */
@RestController
class CapabilityController {

    /** The R4 base definition of a resource type. */
    private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
    /** The R4 search parameters. */
    private static final String CORE_SEARCH = "http://hl7.org/fhir/SearchParameter/";

    private static final String ID = CORE_SEARCH + "Resource-id";
    private static final String LAST_UPDATED = CORE_SEARCH + "Resource-lastUpdated";

    private final IdentityProperties identity;
    private final FhirResponses responses;

    CapabilityController(IdentityProperties identity, FhirResponses responses) {
        this.identity = identity;
        this.responses = responses;
    }

    @GetMapping("/fhir/metadata")
    ResponseEntity<String> metadata(ServerHttpRequest request) {
        var statement = new CapabilityStatement()
                .setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setDate(new Date())
                .setPublisher("Trialport")
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1)
                .setName("Trialport")
                .setTitle("Trialport FHIR API: the national catalogue of clinical trials in Denmark");
        statement.getSoftware().setName("Trialport");
        statement.getImplementation().setDescription("Trialport FHIR R4 API").setUrl(FhirBase.url(request));
        statement
                .addFormat("application/fhir+json")
                .addFormat("application/fhir+xml")
                .addFormat("json")
                .addFormat("xml");
        var rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setCors(false)
                .setDescription("Reading the catalogue is open to everyone. Changes need an OAuth2 bearer token from "
                        + identity.issuer()
                        + " (hospital systems: client credentials) with the SMART scope of the type and "
                        + "interaction; a trial is changed only by its own organization's team. Candidates (ResearchSubject) "
                        + "are read only by the trial's team (system/ResearchSubject.rs) and administrators.")
                .addService(new CodeableConcept()
                        .addCoding(new org.hl7.fhir.r4.model.Coding(
                                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")));
        var oauth = new Extension("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        oauth.addExtension("token", new UriType(identity.issuer() + "/oauth2/token"));
        oauth.addExtension("authorize", new UriType(identity.issuer() + "/oauth2/authorize"));
        rest.getSecurity().addExtension(oauth);
        rest.addInteraction()
                .setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("POST /fhir with a transaction Bundle of at most " + BundleController.MAX_ENTRIES
                        + " entries, all or nothing; urn:uuid: references resolved to the entries' fullUrls");
        rest.addInteraction()
                .setCode(CapabilityStatement.SystemRestfulInteraction.BATCH)
                .setDocumentation("POST /fhir with a batch Bundle of at most " + BundleController.MAX_ENTRIES
                        + " entries, each on its own");
        rest.addOperation()
                .setName("export")
                .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export")
                .setDocumentation("Bulk Data export of the public catalogue (ResearchStudy, Location, Organization), "
                        + "without a token: Prefer: respond-async, _type, _since; see /aabne-data");
        for (var type : ResourceTypes.CATALOGUE) {
            rest.addResource(resource(type));
        }
        rest.addResource(researchSubject());
        for (var type : TrialportProfile.TYPES) {
            rest.addResource(conformance(type));
        }
        return responses.resource(HttpStatus.OK, statement, request);
    }

    /** Candidates: read and search only, for the trial's own team. */
    private static CapabilityStatementRestResourceComponent researchSubject() {
        var resource = new CapabilityStatementRestResourceComponent()
                .setType(ResearchSubjectController.TYPE)
                .setProfile(CORE + ResearchSubjectController.TYPE)
                .addSupportedProfile(TrialportProfile.RESEARCH_SUBJECT)
                .setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION)
                .setReadHistory(false)
                .setUpdateCreate(false)
                .setConditionalCreate(false)
                .setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED)
                .setConditionalUpdate(false)
                .setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED)
                .setDocumentation(
                        "A candidate: one person's interest registration in a trial, read only. Needs a token of "
                                + "the trial's team (system/ResearchSubject.r to read, .s to search; investigators by their role) or an "
                                + "administrator; every read is written to the person's access log. The person is a contained Patient "
                                + "with only a pseudonym until they share their contact details; the consent is a contained Consent.");
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam()
                .setName("study")
                .setType(Enumerations.SearchParamType.REFERENCE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/ResearchSubject-study")
                .setDocumentation("Required: the trial, ResearchStudy/{id}");
        resource.addSearchParam()
                .setName("_lastUpdated")
                .setType(Enumerations.SearchParamType.DATE)
                .setDefinition(LAST_UPDATED)
                .setDocumentation(
                        "When the candidate last changed (eq, ge, gt, le, lt); results come oldest change first, "
                                + "so a hospital polls with ge and the newest meta.lastUpdated it has seen");
        resource.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);
        return resource;
    }

    /** Trialport's profile: read and search by url, open to everyone. */
    private static CapabilityStatementRestResourceComponent conformance(String type) {
        var resource = new CapabilityStatementRestResourceComponent()
                .setType(type)
                .setProfile(CORE + type)
                .setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION)
                .setReadHistory(false)
                .setUpdateCreate(false)
                .setDocumentation("Trialport's published FHIR profile (package " + TrialportProfile.PACKAGE_NAME + "#"
                        + TrialportProfile.VERSION + "), read only; the whole package is at /fhir/package.tgz");
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam()
                .setName("url")
                .setType(Enumerations.SearchParamType.URI)
                .setDefinition(CORE_SEARCH + "conformance-url")
                .setDocumentation("The canonical URL, optionally with |version");
        resource.addSearchParam()
                .setName("_id")
                .setType(Enumerations.SearchParamType.TOKEN)
                .setDefinition(ID);
        resource.addSearchParam()
                .setName("name")
                .setType(Enumerations.SearchParamType.STRING)
                .setDefinition(CORE_SEARCH + "conformance-name");
        return resource;
    }

    private static CapabilityStatementRestResourceComponent resource(String type) {
        var resource = new CapabilityStatementRestResourceComponent()
                .setType(type)
                .setProfile(CORE + type)
                .setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE)
                .setReadHistory(true)
                .setUpdateCreate(true)
                .setConditionalCreate(true)
                .setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED)
                .setConditionalUpdate(true)
                .setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
        for (var interaction : new TypeRestfulInteraction[] {
            TypeRestfulInteraction.READ,
            TypeRestfulInteraction.VREAD,
            TypeRestfulInteraction.UPDATE,
            TypeRestfulInteraction.DELETE,
            TypeRestfulInteraction.HISTORYINSTANCE,
            TypeRestfulInteraction.HISTORYTYPE,
            TypeRestfulInteraction.CREATE,
            TypeRestfulInteraction.SEARCHTYPE
        }) {
            resource.addInteraction().setCode(interaction);
        }
        var profile = TrialportProfile.PROFILE_OF.get(type);
        if (profile != null) {
            resource.addSupportedProfile(profile);
        }
        resource.addSearchParam()
                .setName("_id")
                .setType(Enumerations.SearchParamType.TOKEN)
                .setDefinition(ID);
        resource.addSearchParam()
                .setName("_lastUpdated")
                .setType(Enumerations.SearchParamType.DATE)
                .setDefinition(LAST_UPDATED);
        resource.addSearchParam()
                .setName("identifier")
                .setType(Enumerations.SearchParamType.TOKEN)
                .setDefinition(CORE_SEARCH + type + "-identifier");
        SearchController.REFERENCES.getOrDefault(type, java.util.Map.of()).keySet().stream()
                .sorted()
                .forEach(name -> resource.addSearchParam()
                        .setName(name)
                        .setType(Enumerations.SearchParamType.REFERENCE)
                        .setDefinition(CORE_SEARCH + type + "-" + name));
        if (type.equals("ResearchStudy")) {
            for (var parameter : StudySearchParameters.ALL) {
                resource.addSearchParam()
                        .setName(parameter.name())
                        .setType(parameter.type())
                        .setDefinition(parameter.url())
                        .setDocumentation(parameter.description());
            }
            resource.addSearchParam()
                    .setName("date")
                    .setType(Enumerations.SearchParamType.DATE)
                    .setDefinition(StudySearchParameters.DATE_DEFINITION)
                    .setDocumentation(
                            "The trial's period (eq, gt, ge, lt, le, sa, eb; an open start or end counts as open)");
            resource.addSearchParam()
                    .setName(EngineStudySearch.CONTENT)
                    .setType(Enumerations.SearchParamType.STRING)
                    .setDefinition("http://hl7.org/fhir/SearchParameter/Resource-content")
                    .setDocumentation(
                            "Free text in Danish or English (lay words, typos tolerated, conditions expanded with the "
                                    + "condition vocabulary), ranked by relevance; answered by the search index, combinable with "
                                    + "status, recruitment-status, phase, condition, condition:text, age and sex");
            resource.addOperation()
                    .setName("match")
                    .setDefinition(
                            "http://hl7.org/fhir/us/codex-trial-matching/OperationDefinition/ResearchStudy-match")
                    .setDocumentation(
                            "Trials that fit a patient (trialMatchClinicalData: a Bundle with Patient and Conditions; "
                                    + "zipCode, travelRadius, phase, recruitmentStatus), best first with search.score; nothing is stored");
            resource.addOperation()
                    .setName("export")
                    .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export")
                    .setDocumentation("Bulk Data export of the public trials and their sites and sponsors");
            resource.addSearchInclude("ResearchStudy:site").addSearchInclude("ResearchStudy:sponsor");
            resource.addSearchRevInclude("PractitionerRole:location");
        }
        if (type.equals("Location")) {
            resource.addSearchRevInclude("PractitionerRole:location").addSearchInclude("Location:organization");
        }
        resource.addOperation()
                .setName("validate")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Resource-validate");
        return resource;
    }
}

package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Site;
import dk.trialport.catalogue.StoredResource;
import dk.trialport.catalogue.TrialDetails;
import dk.trialport.catalogue.VersionStamp;
import dk.trialport.fhir.TrialportFhir.Extensions;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Builds {@link TrialDetails} for the trial pages from the stored ResearchStudy, its sites and their departments. */
@Component
public class TrialDetailsReader {

    private final CatalogueStore store;
    private final FhirContext context;

    TrialDetailsReader(CatalogueStore store, FhirContext context) {
        this.store = store;
        this.context = context;
    }

    /** The details of a current trial; empty when there is no such trial or it was deleted. */
    public Mono<TrialDetails> read(String id) {
        return current("ResearchStudy", id)
                .map(stored -> parse(ResearchStudy.class, stored))
                .flatMap(study -> Flux.fromIterable(study.getSite())
                        .concatMap(this::site)
                        .collectList()
                        .map(sites -> details(id, study, sites)));
    }

    private static TrialDetails details(String id, ResearchStudy study, List<TrialDetails.SiteDetails> sites) {
        var eligibility = TrialProjector.eligibilityGroup(study);
        String criteria = null;
        if (eligibility != null) {
            var extension = eligibility.getExtensionByUrl(Extensions.ELIGIBILITY_CRITERIA);
            criteria = extension == null || extension.getValue() == null
                    ? null
                    : extension.getValue().primitiveValue();
        }
        var contacts =
                study.getContact().stream().map(TrialDetailsReader::contact).toList();
        return new TrialDetails(id, study.getDescription(), eligibility != null, criteria, contacts, sites);
    }

    private Mono<TrialDetails.SiteDetails> site(Reference reference) {
        var siteId = reference.getReferenceElement().getIdPart();
        if (siteId == null) {
            return Mono.empty();
        }
        return current("Location", siteId).flatMap(stored -> {
            var location = parse(Location.class, stored);
            var site = SiteProjector.project(
                    location, new VersionStamp(stored.id(), stored.version(), stored.lastUpdated()));
            var contacts = location.getTelecom().isEmpty()
                    ? List.<TrialDetails.Contact>of()
                    : List.of(new TrialDetails.Contact(location.getName(), telecoms(location.getTelecom())));
            var organizationId =
                    location.getManagingOrganization().getReferenceElement().getIdPart();
            if (organizationId == null) {
                return Mono.just(new TrialDetails.SiteDetails(
                        site, location.getManagingOrganization().getDisplay(), contacts));
            }
            return current("Organization", organizationId)
                    .map(found -> department(site, contacts, parse(Organization.class, found)))
                    .defaultIfEmpty(new TrialDetails.SiteDetails(site, null, contacts));
        });
    }

    private static TrialDetails.SiteDetails department(
            Site site, List<TrialDetails.Contact> contacts, Organization organization) {
        if (organization.getTelecom().isEmpty()) {
            return new TrialDetails.SiteDetails(site, organization.getName(), contacts);
        }
        var all = new ArrayList<>(contacts);
        all.add(new TrialDetails.Contact(organization.getName(), telecoms(organization.getTelecom())));
        return new TrialDetails.SiteDetails(site, organization.getName(), List.copyOf(all));
    }

    private static TrialDetails.Contact contact(ContactDetail detail) {
        return new TrialDetails.Contact(detail.getName(), telecoms(detail.getTelecom()));
    }

    private static List<TrialDetails.Telecom> telecoms(List<ContactPoint> points) {
        return points.stream()
                .filter(ContactPoint::hasValue)
                .map(point -> new TrialDetails.Telecom(
                        point.hasSystem() ? point.getSystem().toCode() : "other", point.getValue()))
                .toList();
    }

    private Mono<StoredResource> current(String type, String id) {
        return store.read(type, id).filter(stored -> !stored.deleted() && stored.body() != null);
    }

    private <T extends Resource> T parse(Class<T> type, StoredResource stored) {
        return context.newJsonParser().parseResource(type, stored.body());
    }
}

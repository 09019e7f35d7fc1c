package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.catalogue.ResourceContent;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** What the catalogue indexes of a resource: its identifiers and its references to other resources. */
@Component
class ResourceFacts {

    private final FhirContext context;

    ResourceFacts(FhirContext context) {
        this.context = context;
    }

    List<ResourceContent.Token> identifiers(Resource resource) {
        var tokens = new ArrayList<ResourceContent.Token>();
        for (var identifier :
                context.newTerser().getValues(resource, resource.fhirType() + ".identifier", Identifier.class)) {
            if (identifier.hasValue()) {
                tokens.add(new ResourceContent.Token(identifier.getSystem(), identifier.getValue()));
            }
        }
        return tokens;
    }

    /** Relative references ({@code Type/id}) with the path they stand at; contained and absolute ones are not kept. */
    List<ResourceContent.Link> references(Resource resource) {
        var links = new ArrayList<ResourceContent.Link>();
        for (var found : context.newTerser().getAllResourceReferences(resource)) {
            var reference = found.getResourceReference().getReferenceElement();
            if (reference.hasResourceType()
                    && reference.hasIdPart()
                    && !reference.isAbsolute()
                    && !reference.isLocal()) {
                links.add(new ResourceContent.Link(
                        resource.fhirType() + "." + found.getName(),
                        reference.getResourceType(),
                        reference.getIdPart()));
            }
        }
        return links;
    }
}

package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.narrative.CustomThymeleafNarrativeGenerator;
import java.util.Set;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Resource;

/**
 * The human-readable {@code text} of every trial, site and organization Trialport stores, and of every candidate it
 * serves (nothing but the pseudonym, the status, the trial and the dates): HAPI's narrative generator
 * with Trialport's own templates ({@code src/main/resources/fhir/narrative/}), in Danish, with English where the
 * resource has it. A narrative the sender wrote itself ({@code text.status} other than {@code generated}) is kept.
 */
public final class TrialportNarratives {

    private static final Set<String> TYPES = Set.of("ResearchStudy", "Location", "Organization", "ResearchSubject");

    private static final CustomThymeleafNarrativeGenerator GENERATOR =
            new CustomThymeleafNarrativeGenerator("classpath:fhir/narrative/narratives.properties");

    private TrialportNarratives() {}

    /** Sets the generated narrative of a trial, site or organization (unless it carries its own). */
    public static void generate(FhirContext context, Resource resource) {
        if (!TYPES.contains(resource.fhirType()) || !(resource instanceof DomainResource domain)) {
            return;
        }
        if (domain.hasText()
                && domain.getText().getStatus() != Narrative.NarrativeStatus.GENERATED
                && domain.getText().hasDiv()) {
            return;
        }
        // HAPI picks a template for a resource that declares profiles only when the template names one of them, and for
        // one with meta.tag codes only when the template names those too: the narrative is made from a copy without
        // tags.
        TrialportProfile.declareOn(domain);
        var copy = (DomainResource) domain.copy();
        copy.getMeta().getTag().clear();
        copy.getMeta().getSecurity().clear();
        copy.setText(null);
        synchronized (GENERATOR) {
            GENERATOR.populateResourceNarrative(context, copy);
        }
        domain.setText(copy.hasText() ? copy.getText() : null);
    }
}

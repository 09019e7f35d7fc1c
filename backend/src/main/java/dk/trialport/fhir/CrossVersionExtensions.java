package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import dk.trialport.fhir.TrialportFhir.Extensions;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.DiscriminatorType;
import org.hl7.fhir.r4.model.ElementDefinition.SlicingRules;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.UriType;

/**
 * The HL7 R5→R4 cross-version ResearchStudy extensions Trialport uses, as StructureDefinitions
 * (differentials, following the layout of {@code hl7.fhir.uv.xver-r5.r4}). The offline validator
 * needs them: HAPI 8.8.1 cannot derive {@code http://hl7.org/fhir/5.0/...} definitions by itself
 * and reports each use as an error ({@code Extension_EXT_Version_Invalid}).
 */
public final class CrossVersionExtensions {

    private CrossVersionExtensions() {}

    /** The definitions, for a validation support chain together with a snapshot generator. */
    public static IValidationSupport validationSupport(FhirContext context) {
        var support = new PrePopulatedValidationSupport(context);
        definitions().forEach(support::addStructureDefinition);
        return support;
    }

    public static List<StructureDefinition> definitions() {
        return List.of(
                simple(Extensions.DESCRIPTION_SUMMARY, "descriptionSummary", "markdown"),
                complex(
                        Extensions.LABEL,
                        "label",
                        "*",
                        part("type", "0..1", "CodeableConcept"),
                        part("value", "0..1", "string")),
                complex(
                        Extensions.RECRUITMENT,
                        "recruitment",
                        "1",
                        part("targetNumber", "0..1", "unsignedInt"),
                        part("actualNumber", "0..1", "unsignedInt"),
                        part("eligibility", "0..1", "Reference", "Group", "EvidenceVariable"),
                        part("actualGroup", "0..1", "Reference", "Group")),
                complex(
                        Extensions.PROGRESS_STATUS,
                        "progressStatus",
                        "*",
                        part("state", "1..1", "CodeableConcept"),
                        part("actual", "0..1", "boolean"),
                        part("period", "0..1", "Period")),
                complex(
                        Extensions.ASSOCIATED_PARTY,
                        "associatedParty",
                        "*",
                        part("name", "0..1", "string"),
                        part("role", "1..1", "CodeableConcept"),
                        part("period", "0..*", "Period"),
                        part("classifier", "0..*", "CodeableConcept"),
                        part("party", "0..1", "Reference", "Practitioner", "PractitionerRole", "Organization")));
    }

    /** One element of the R5 backbone element, carried as a sub-extension. */
    private record Part(String name, int min, String max, String type, String... targets) {}

    /** {@code cardinality} as in the R5 definition, e.g. {@code 0..1}. */
    private static Part part(String name, String cardinality, String type, String... targets) {
        var bounds = cardinality.split("\\.\\.");
        return new Part(name, Integer.parseInt(bounds[0]), bounds[1], type, targets);
    }

    private static StructureDefinition simple(String url, String element, String type) {
        var definition = base(url, element);
        element(definition, "Extension", "Extension").setMin(0).setMax("1");
        element(definition, "Extension.extension", "Extension.extension").setMax("0");
        element(definition, "Extension.url", "Extension.url").setFixed(new UriType(url));
        element(definition, "Extension.value[x]", "Extension.value[x]")
                .setMin(1)
                .addType()
                .setCode(type);
        return definition;
    }

    private static StructureDefinition complex(String url, String element, String max, Part... parts) {
        var definition = base(url, element);
        element(definition, "Extension", "Extension").setMin(0).setMax(max);
        element(definition, "Extension.extension", "Extension.extension")
                .getSlicing()
                .setRules(SlicingRules.CLOSED)
                .addDiscriminator()
                .setType(DiscriminatorType.VALUE)
                .setPath("url");
        for (Part part : parts) {
            var slice = "Extension.extension:" + part.name();
            element(definition, slice, "Extension.extension")
                    .setSliceName(part.name())
                    .setMin(part.min())
                    .setMax(part.max());
            element(definition, slice + ".extension", "Extension.extension.extension")
                    .setMax("0");
            element(definition, slice + ".url", "Extension.extension.url").setFixed(new UriType(part.name()));
            var type = element(definition, slice + ".value[x]", "Extension.extension.value[x]")
                    .setMin(1)
                    .addType()
                    .setCode(part.type());
            for (String target : part.targets()) {
                type.addTargetProfile("http://hl7.org/fhir/StructureDefinition/" + target);
            }
        }
        element(definition, "Extension.url", "Extension.url").setFixed(new UriType(url));
        element(definition, "Extension.value[x]", "Extension.value[x]").setMax("0");
        return definition;
    }

    private static StructureDefinition base(String url, String element) {
        var definition = new StructureDefinition()
                .setUrl(url)
                .setName("ExtensionResearchStudy_" + element)
                .setStatus(PublicationStatus.ACTIVE)
                .setFhirVersion(FHIRVersion._4_0_1)
                .setKind(StructureDefinitionKind.COMPLEXTYPE)
                .setAbstract(false)
                .setType("Extension")
                .setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension")
                .setDerivation(TypeDerivationRule.CONSTRAINT)
                .setDescription("R5 ResearchStudy." + element + " carried in R4 (cross-version extension)");
        definition.setId("extension-ResearchStudy." + element);
        definition.addContext().setType(ExtensionContextType.ELEMENT).setExpression("ResearchStudy");
        return definition;
    }

    private static ElementDefinition element(StructureDefinition definition, String id, String path) {
        var element = definition.getDifferential().addElement().setPath(path);
        element.setId(id);
        return element;
    }
}

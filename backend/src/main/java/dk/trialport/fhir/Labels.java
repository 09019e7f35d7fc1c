package dk.trialport.fhir;

import dk.trialport.fhir.TrialportFhir.Extensions;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/** How a trial carries its texts in two languages on the R4 wire. */
public final class Labels {

    private Labels() {}

    /** The R5 plain-language label (a cross-version extension), in English with a Danish translation. */
    public static Extension plainLanguage(String english, String danish) {
        var label = new Extension(Extensions.LABEL);
        label.addExtension(
                "type",
                new CodeableConcept()
                        .addCoding(new Coding(
                                "http://hl7.org/fhir/title-type", "plain-language", "Plain language title")));
        var value = new StringType(english);
        value.addExtension(translation("da", danish));
        label.addExtension("value", value);
        return label;
    }

    /** HL7's translation extension of a string element. */
    public static Extension translation(String language, String content) {
        var translation = new Extension(Extensions.TRANSLATION);
        translation.addExtension("lang", new CodeType(language));
        translation.addExtension("content", new StringType(content));
        return translation;
    }
}

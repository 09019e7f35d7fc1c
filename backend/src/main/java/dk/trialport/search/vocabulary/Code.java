package dk.trialport.search.vocabulary;

/** A code of a trial's condition in a code system named by its URI. */
public record Code(String system, String code) {

    public static final String MESH = "http://terminology.hl7.org/CodeSystem/MSH";
    public static final String SKS = "urn:oid:1.2.208.176.2.4";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String SNOMED = "http://snomed.info/sct";
}

package dk.trialport.fhir;

/**
 * The URIs Trialport's FHIR resources use: identifier systems, code systems and extensions.
 * Where HL7 defines one (cross-version R5 extensions, translations, terminology) that one is used.
 */
public final class TrialportFhir {

    private TrialportFhir() {}

    public static final String BASE = "https://trialport.dk/fhir";

    /** Identifier systems of trials, one trial may carry several. */
    public static final class TrialIdentifier {
        public static final String TRIALPORT = BASE + "/sid/trial";
        public static final String NCT = "https://clinicaltrials.gov";
        public static final String EU_CT = "https://euclinicaltrials.eu/ct-number";
        public static final String EUDRACT = "https://eudract.ema.europa.eu";
        public static final String LOCAL_PROTOCOL = BASE + "/sid/local-protocol";
        public static final String ETHICS_COMMITTEE = BASE + "/sid/ethics-committee";
        /** A candidate's pseudonym: the interest registration's id, different in every trial. */
        public static final String CANDIDATE = BASE + "/sid/candidate";

        private TrialIdentifier() {}
    }

    /** Where the consent texts are published, one page per version ({@code …/interest-2026-11}). */
    public static final String CONSENT_TEXTS = BASE + "/consent-text/";

    /** The Danish health organisation register (SOR). */
    public static final String SOR = "urn:oid:1.2.208.176.1.1";

    /** Code systems. */
    public static final class CodeSystems {
        public static final String MESH = "http://terminology.hl7.org/CodeSystem/MSH";
        public static final String SKS_DIAGNOSES = "urn:oid:1.2.208.176.2.4";
        public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
        public static final String SNOMED = "http://snomed.info/sct";
        public static final String LOINC = "http://loinc.org";
        public static final String PHASE = "http://terminology.hl7.org/CodeSystem/research-study-phase";
        public static final String RECRUITMENT_STATUS = BASE + "/CodeSystem/recruitment-status";
        public static final String STUDY_TYPE = BASE + "/CodeSystem/study-type";
        public static final String ELIGIBILITY = BASE + "/CodeSystem/eligibility";
        public static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";
        public static final String UCUM = "http://unitsofmeasure.org";
        /** A concept of Trialport's condition vocabulary ({@code search/conditions.tsv}), by its id. */
        public static final String CONDITION_CONCEPT = BASE + "/CodeSystem/condition";
        /** Trialport's candidate pipeline: received, contacted, screening, included, not-eligible, withdrawn. */
        public static final String CANDIDATE_STATUS = BASE + "/CodeSystem/candidate-status";

        public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
        public static final String CONSENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/consentcategorycodes";

        private CodeSystems() {}
    }

    /** Extensions. */
    public static final class Extensions {
        /** HL7 core: a translation of a string element, with {@code lang} and {@code content}. */
        public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
        /** R5 ResearchStudy.descriptionSummary, carried in R4: the plain-language summary. */
        public static final String DESCRIPTION_SUMMARY =
                "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.descriptionSummary";
        /** R5 ResearchStudy.label: e.g. the plain-language (lay) title. */
        public static final String LABEL = "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.label";
        /** R5 ResearchStudy.recruitment: target and actual enrolment. */
        public static final String RECRUITMENT =
                "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.recruitment";
        /** R5 ResearchStudy.progressStatus: dated states of the study. */
        public static final String PROGRESS_STATUS =
                "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.progressStatus";
        /** R5 ResearchStudy.associatedParty: e.g. the recruitment contact. */
        public static final String ASSOCIATED_PARTY =
                "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.associatedParty";
        /** Trialport: one registry record an imported trial comes from (registry, identifiers, times, fields). */
        public static final String SOURCE_RECORD = BASE + "/StructureDefinition/source-record";
        /** Trialport: the recruitment status as patients read it (recruiting, not-yet-recruiting, …). */
        public static final String RECRUITMENT_STATUS = BASE + "/StructureDefinition/recruitment-status";
        /** Trialport: the eligibility criteria as written by the trial (markdown), on the eligibility Group. */
        public static final String ELIGIBILITY_CRITERIA = BASE + "/StructureDefinition/eligibility-criteria";
        /** Trialport: how many sites the trial has outside Denmark (not listed as sites). */
        public static final String SITES_OUTSIDE_DENMARK = BASE + "/StructureDefinition/sites-outside-denmark";
        /** Trialport: taking part can happen (partly) remotely. */
        public static final String DECENTRALIZED = BASE + "/StructureDefinition/decentralized";
        /** Trialport: where the candidate is in the trial team's pipeline, in Trialport's own codes. */
        public static final String CANDIDATE_STATUS = BASE + "/StructureDefinition/candidate-status";
        /** Trialport: how the candidate wants to be contacted (email, phone, portal). */
        public static final String CONTACT_CHANNEL = BASE + "/StructureDefinition/contact-channel";

        private Extensions() {}
    }
}

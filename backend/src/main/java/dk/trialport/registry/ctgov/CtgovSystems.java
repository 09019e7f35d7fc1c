package dk.trialport.registry.ctgov;

import dk.trialport.fhir.TrialportFhir;

/** URIs the ClinicalTrials.gov mapping needs beyond {@link TrialportFhir}. */
public final class CtgovSystems {

    /** A registry facility (site), keyed by country, city, postal code and facility name. */
    public static final String FACILITY = TrialportFhir.BASE + "/sid/ctgov-facility";
    /** A sponsor organisation, keyed by its normalised name. */
    public static final String SPONSOR = TrialportFhir.BASE + "/sid/ctgov-sponsor";
    /** A site contact of one trial: a name-based UUID, so no personal data appears in request URLs. */
    public static final String SITE_CONTACT = TrialportFhir.BASE + "/sid/ctgov-site-contact";
    /** R5 TitleType, used in the ResearchStudy.label cross-version extension. */
    public static final String TITLE_TYPE = "http://hl7.org/fhir/title-type";
    /** R5 ResearchStudyPartyRole, used in the ResearchStudy.associatedParty cross-version extension. */
    public static final String PARTY_ROLE = "http://hl7.org/fhir/research-study-party-role";

    private CtgovSystems() {}
}

package dk.trialport.registry.ctis;

import dk.trialport.fhir.TrialportFhir;

/** URIs the CTIS mapping needs beyond {@link TrialportFhir}. */
public final class CtisSystems {

    /** A CTIS trial site, keyed by country, city, postal code and site name. */
    public static final String SITE = TrialportFhir.BASE + "/sid/ctis-site";
    /** A CTIS sponsor organisation, keyed by its normalised name. */
    public static final String SPONSOR = TrialportFhir.BASE + "/sid/ctis-sponsor";
    /** MedDRA, as HL7 terminology names it. */
    public static final String MEDDRA = "https://www.meddra.org";
    /** ISO 3166 country codes, for the member states concerned. */
    public static final String COUNTRY = "urn:iso:std:iso:3166";

    private CtisSystems() {}
}

package dk.trialport.registry.ctgov;

/** Which registry locations become sites of the trial. */
public enum SiteFilter {
    /** Every location is a site. */
    ALL,
    /** Only locations in Denmark are sites; the others are counted. */
    DENMARK_ONLY;

    boolean accepts(String countryCode) {
        return this == ALL || "DK".equals(countryCode);
    }
}

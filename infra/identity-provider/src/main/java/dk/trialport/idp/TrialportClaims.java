package dk.trialport.idp;

/** Names of the Trialport-specific claims in access and ID tokens. */
public final class TrialportClaims {

    /** Roles without prefix, e.g. {@code ["PATIENT"]} or {@code ["HOSPITAL_SYSTEM"]}. */
    public static final String ROLES = "roles";

    /** Stable opaque id of the person (patients). */
    public static final String PERSON_ID = "person_id";

    /** Organization identifier (investigators and hospital systems), e.g. {@code rh-onkologi}. */
    public static final String ORGANIZATION = "organization";

    /** Display name of the organization. */
    public static final String ORGANIZATION_NAME = "organization_name";

    /** Role given to hospital systems by default. */
    public static final String HOSPITAL_SYSTEM = "HOSPITAL_SYSTEM";

    private TrialportClaims() {}
}

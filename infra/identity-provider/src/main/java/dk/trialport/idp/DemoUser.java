package dk.trialport.idp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A demo user as configured in YAML.
 *
 * @param username the login name
 * @param password the password, plain or with a {@code {id}} encoder prefix
 * @param name the full name
 * @param givenName the given name
 * @param familyName the family name
 * @param email the e-mail address
 * @param roles the roles without {@code ROLE_} prefix (PATIENT, INVESTIGATOR, ADMIN)
 * @param personId a stable opaque person id, for patients
 * @param organization the organization identifier, for investigators
 * @param organizationName the organization's display name
 */
public record DemoUser(
        String username,
        String password,
        @Nullable String name,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String email,
        List<String> roles,
        @Nullable String personId,
        @Nullable String organization,
        @Nullable String organizationName) {

    public DemoUser {
        roles = (roles != null) ? List.copyOf(roles) : List.of();
    }

    /** The password as the login page shows it: plain text, or a dash when it is stored encoded. */
    public String displayPassword() {
        return this.password.startsWith("{") ? "—" : this.password;
    }
}

package dk.trialport.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;

/**
 * The one fixture builder for people: someone logged in to the portal or the workspace, as the identity provider
 * would describe them (subject, name, role, organization), ready to log a WebTestClient in.
 *
 * <pre>{@code
 * var anne = web.mutateWith(PersonBuilder.citizen("anne").named("Anne Jensen").login());
 * var team = web.mutateWith(PersonBuilder.investigator("inv-1", "rh-onkologi").login());
 * }</pre>
 */
public final class PersonBuilder {

    private final String subject;
    private final String role;
    private String name;
    private String organization;

    private PersonBuilder(String subject, String role) {
        this.subject = subject;
        this.role = role;
    }

    /** A patient or citizen who logged in with MitID. */
    public static PersonBuilder citizen(String subject) {
        return new PersonBuilder(subject, "PATIENT");
    }

    /** A member of a trial team in {@code organization} (null: of none yet). */
    public static PersonBuilder investigator(String subject, String organization) {
        var investigator = new PersonBuilder(subject, "INVESTIGATOR");
        investigator.organization = organization;
        return investigator;
    }

    /** A workspace administrator, who may act for every organization. */
    public static PersonBuilder administrator(String subject) {
        return new PersonBuilder(subject, "ADMIN");
    }

    /** Someone with another role the identity provider gives (OPERATOR, ...). */
    public static PersonBuilder withRole(String subject, String role, String organization) {
        var person = new PersonBuilder(subject, role);
        person.organization = organization;
        return person;
    }

    public PersonBuilder named(String name) {
        this.name = name;
        return this;
    }

    /** The login: an OpenID Connect ID token with the person's claims and the authority of their role. */
    public OidcLoginMutator login() {
        return mockOidcLogin()
                .idToken(token -> {
                    token.subject(subject).claim("roles", List.of(role));
                    if (name != null) {
                        token.claim("name", name);
                    }
                    if (organization != null) {
                        token.claim("organization", organization);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}

package dk.trialport.recruitment.infrastructure;

import dk.trialport.notify.Recipient;
import dk.trialport.notify.Recipients;
import dk.trialport.recruitment.RecruitmentProperties;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * People's addresses for notify, read (and decrypted) when a mail is sent: a profile's e-mail while it asks for
 * e-mail, an interest registration's contact while it is by e-mail and not withdrawn. A deleted person has neither.
 */
@Component
class MailRecipients implements Recipients {

    private static final String PROFILE = "profile";
    private static final String REGISTRATION = "registration";

    private final DatabaseClient database;
    private final FieldCipher cipher;

    MailRecipients(DatabaseClient database, RecruitmentProperties properties) {
        this.database = database;
        this.cipher = new FieldCipher(properties.encryptionKey());
    }

    /** The person of an interest profile, at its e-mail address. */
    static Recipient profileOf(UUID personId) {
        return new Recipient(PROFILE, personId.toString());
    }

    /** The person of an interest registration, at its contact address. */
    static Recipient registrant(UUID registrationId) {
        return new Recipient(REGISTRATION, registrationId.toString());
    }

    @Override
    public Set<String> kinds() {
        return Set.of(PROFILE, REGISTRATION);
    }

    @Override
    public Mono<String> address(Recipient recipient) {
        var sql = PROFILE.equals(recipient.kind())
                ? "SELECT email_encrypted AS address FROM interest_profile WHERE person_id = :id AND notify_email"
                : "SELECT contact_encrypted AS address FROM interest_registration WHERE id = :id "
                        + "AND contact_channel = 'email' AND status <> 'withdrawn'";
        return database.sql(sql)
                .bind("id", UUID.fromString(recipient.id()))
                .map(row -> java.util.Optional.ofNullable(cipher.decrypt(row.get("address", byte[].class))))
                .one()
                .flatMap(Mono::justOrEmpty);
    }
}

package dk.trialport.recruitment;

import dk.trialport.identity.TrialTeams;
import dk.trialport.infra.embedded.EmbeddedPlatform;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;

/**
 * A recruiting trial published through the FHIR API as a hospital system would, with a contact e-mail address,
 * run by the team of rh-onkologi (the demo user {@code investigator}'s organization); auh-endokrinologi
 * ({@code investigator2}) exists too, running nothing.
 */
public final class CandidateFixture {

    public static final String TEAM = "rh-onkologi";
    public static final String OTHER_TEAM = "auh-endokrinologi";
    public static final String TEAM_ADDRESS = "onkologi-forsoeg@example.dk";

    private CandidateFixture() {}

    /** Publishes the trial and makes rh-onkologi its team; returns the trial's id. */
    public static String trialOfTheTeam(int port, String issuer, TrialTeams teams) {
        var hospital = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        var site = hospital.create().resource(TrialBuilder.aSite()).execute().getId();
        var study = TrialBuilder.registered("NCT07000001")
                .at(site.toUnqualifiedVersionless())
                .study();
        study.addContact()
                .setName("Forsøgssekretariatet")
                .addTelecom()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue(TEAM_ADDRESS);
        var trialId = hospital.create().resource(study).execute().getId().getIdPart();
        teams.saveOrganization(new TrialTeams.Organization(TEAM, "Rigshospitalet, Onkologisk Klinik"))
                .block();
        teams.saveOrganization(new TrialTeams.Organization(OTHER_TEAM, "Aarhus Universitetshospital, Endokrinologi"))
                .block();
        teams.assign(trialId, TEAM).block();
        return trialId;
    }

    /** The mails the embedded mail server received for an address, waiting up to 30 s until there are {@code count}. */
    public static List<MimeMessage> awaitMails(String address, int count) {
        return org.awaitility.Awaitility.await("mails to " + address)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(address), mails -> mails.size() >= count);
    }

    public static List<MimeMessage> mailsTo(String address) {
        return EmbeddedPlatform.sharedRunning().mail().received().stream()
                .filter(mail -> {
                    try {
                        return mail.getAllRecipients()[0].toString().equals(address);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** A plain-text mail's text. */
    public static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

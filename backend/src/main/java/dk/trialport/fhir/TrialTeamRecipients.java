package dk.trialport.fhir;

import dk.trialport.catalogue.TrialDetails;
import dk.trialport.notify.Recipient;
import dk.trialport.notify.Recipients;
import java.util.ArrayList;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A trial team's address for notify: the trial's first contact e-mail, else a site contact's, read from the study. */
@Component
class TrialTeamRecipients implements Recipients {

    private final TrialDetailsReader details;

    TrialTeamRecipients(TrialDetailsReader details) {
        this.details = details;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Recipient.TRIAL_TEAM);
    }

    @Override
    public Mono<String> address(Recipient team) {
        return details.read(team.id()).mapNotNull(found -> {
            var contacts = new ArrayList<>(found.contacts());
            found.sites().forEach(site -> contacts.addAll(site.contacts()));
            return contacts.stream()
                    .flatMap(contact -> contact.telecoms().stream())
                    .filter(telecom -> "email".equals(telecom.system())
                            && telecom.value() != null
                            && !telecom.value().isBlank())
                    .map(TrialDetails.Telecom::value)
                    .findFirst()
                    .orElse(null);
        });
    }
}

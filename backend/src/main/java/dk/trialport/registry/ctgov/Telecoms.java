package dk.trialport.registry.ctgov;

import static dk.trialport.registry.ctgov.CtgovStudy.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;

/** The phone (with extension) and e-mail of a registry contact. */
final class Telecoms {

    private Telecoms() {}

    static List<ContactPoint> of(JsonNode contact) {
        var telecoms = new ArrayList<ContactPoint>();
        var phone = text(contact, "phone");
        if (phone != null) {
            var extension = text(contact, "phoneExt");
            telecoms.add(new ContactPoint()
                    .setSystem(ContactPointSystem.PHONE)
                    .setValue(extension == null ? phone : phone + " ext. " + extension));
        }
        var email = text(contact, "email");
        if (email != null) {
            telecoms.add(new ContactPoint().setSystem(ContactPointSystem.EMAIL).setValue(email));
        }
        return telecoms;
    }
}

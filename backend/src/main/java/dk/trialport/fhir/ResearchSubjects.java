package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.Extensions;
import dk.trialport.recruitment.model.CandidateStatus;
import dk.trialport.recruitment.model.ContactChannel;
import dk.trialport.recruitment.model.SharedRegistration;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;

/**
 * A candidate (an interest registration as the trial team sees it) as an R4 ResearchSubject: the FHIR
 * status with Trialport's own pipeline code beside it, the trial, and contained the person as far as
 * they agreed to share (a pseudonym, then their contact details) and the consent they gave.
 */
final class ResearchSubjects {

    private ResearchSubjects() {}

    /** The candidate with its generated narrative. */
    static ResearchSubject of(SharedRegistration candidate) {
        var subject = candidate.isErased() ? erased(candidate) : subject(candidate);
        TrialportNarratives.generate(FhirContext.forR4Cached(), subject);
        return subject;
    }

    private static ResearchSubject subject(SharedRegistration candidate) {
        var subject = new ResearchSubject();
        subject.setId(candidate.id().toString());
        subject.getMeta().setLastUpdated(Date.from(candidate.updatedAt()));
        subject.addIdentifier()
                .setSystem(TrialportFhir.TrialIdentifier.CANDIDATE)
                .setValue(candidate.id().toString());
        subject.setStatus(status(candidate.status()));
        TrialportProfile.declareOn(subject);
        subject.addExtension(
                Extensions.CANDIDATE_STATUS,
                new Coding(CodeSystems.CANDIDATE_STATUS, candidate.status().code(), null));
        subject.addExtension(
                Extensions.CONTACT_CHANNEL, new CodeType(candidate.channel().code()));
        subject.setPeriod(new Period()
                .setStart(Date.from(candidate.createdAt()))
                .setEnd(candidate.withdrawnAt() == null ? null : Date.from(candidate.withdrawnAt())));
        subject.setStudy(new Reference("ResearchStudy/" + candidate.trialId()));
        subject.addContained(person(candidate));
        subject.setIndividual(new Reference("#person"));
        subject.addContained(consent(candidate));
        subject.setConsent(new Reference("#consent"));
        return subject;
    }

    /**
     * A registration the person erased with their account: withdrawn, ended when it was erased, tagged as erased, and
     * nothing of the person but the pseudonym (R4 requires an individual) and no consent.
     */
    private static ResearchSubject erased(SharedRegistration candidate) {
        var subject = new ResearchSubject();
        subject.setId(candidate.id().toString());
        subject.getMeta().setLastUpdated(Date.from(candidate.updatedAt()));
        subject.getMeta().addTag(CodeSystems.CANDIDATE_STATUS, "erased", "Erased by the person (GDPR Art. 17)");
        subject.addIdentifier()
                .setSystem(TrialportFhir.TrialIdentifier.CANDIDATE)
                .setValue(candidate.id().toString());
        subject.setStatus(ResearchSubjectStatus.WITHDRAWN);
        TrialportProfile.declareOn(subject);
        subject.addExtension(Extensions.CANDIDATE_STATUS, new Coding(CodeSystems.CANDIDATE_STATUS, "erased", null));
        subject.setPeriod(
                new Period().setStart(Date.from(candidate.createdAt())).setEnd(Date.from(candidate.erasedAt())));
        subject.setStudy(new Reference("ResearchStudy/" + candidate.trialId()));
        var person = new Patient();
        person.setId("person");
        person.getMeta().addProfile(TrialportProfile.CANDIDATE_PERSON);
        person.addIdentifier()
                .setSystem(TrialportFhir.TrialIdentifier.CANDIDATE)
                .setValue(candidate.id().toString());
        subject.addContained(person);
        subject.setIndividual(new Reference("#person"));
        return subject;
    }

    /** The FHIR status of a pipeline step; the extension keeps Trialport's own, finer code. */
    static ResearchSubjectStatus status(CandidateStatus status) {
        return switch (status) {
            case RECEIVED, CONTACTED -> ResearchSubjectStatus.CANDIDATE;
            case SCREENING -> ResearchSubjectStatus.SCREENING;
            case INCLUDED -> ResearchSubjectStatus.ONSTUDY;
            case NOT_ELIGIBLE -> ResearchSubjectStatus.INELIGIBLE;
            case WITHDRAWN -> ResearchSubjectStatus.WITHDRAWN;
        };
    }

    /** Nothing identifying but the pseudonym until the person shares their contact details. */
    private static Patient person(SharedRegistration candidate) {
        var person = new Patient();
        person.setId("person");
        person.getMeta().addProfile(TrialportProfile.CANDIDATE_PERSON);
        person.addIdentifier()
                .setSystem(TrialportFhir.TrialIdentifier.CANDIDATE)
                .setValue(candidate.id().toString());
        if (candidate.contact() != null) {
            var system = candidate.channel() == ContactChannel.EMAIL
                    ? ContactPoint.ContactPointSystem.EMAIL
                    : ContactPoint.ContactPointSystem.PHONE;
            person.addTelecom().setSystem(system).setValue(candidate.contact()).setRank(1);
        }
        return person;
    }

    private static Consent consent(SharedRegistration candidate) {
        var consent = new Consent();
        consent.setId("consent");
        consent.getMeta().addProfile(TrialportProfile.CANDIDATE_CONSENT);
        consent.setStatus(candidate.isWithdrawn() ? Consent.ConsentState.INACTIVE : Consent.ConsentState.ACTIVE);
        consent.setScope(new CodeableConcept(new Coding(CodeSystems.CONSENT_SCOPE, "research", "Research")));
        consent.addCategory(new CodeableConcept(
                new Coding(CodeSystems.CONSENT_CATEGORY, "research", "research information access")));
        consent.setPatient(new Reference("#person"));
        consent.setDateTime(Date.from(candidate.consent().givenAt()));
        consent.addPolicy()
                .setUri(TrialportFhir.CONSENT_TEXTS + candidate.consent().textVersion());
        consent.getProvision()
                .setPeriod(new Period()
                        .setStart(Date.from(candidate.consent().givenAt()))
                        .setEnd(candidate.withdrawnAt() == null ? null : Date.from(candidate.withdrawnAt())));
        return consent;
    }
}

package dk.trialport.registry.ctgov;

import dk.trialport.fhir.TrialportFhir.CodeSystems;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;

/** ClinicalTrials.gov enumerations (status, phase, study type, roles) as FHIR codes. */
final class StudyCodes {

    private StudyCodes() {}

    /** R4 ResearchStudy.status; UNKNOWN (a stale record) takes its last known status. */
    static ResearchStudyStatus status(String overall, String lastKnown) {
        if ("UNKNOWN".equals(overall)) {
            return lastKnown == null || "UNKNOWN".equals(lastKnown)
                    ? ResearchStudyStatus.ACTIVE
                    : status(lastKnown, null);
        }
        if (overall == null) {
            throw new CtgovMappingException("The study has no overallStatus");
        }
        return switch (overall) {
            case "RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE" -> ResearchStudyStatus.ACTIVE;
            case "NOT_YET_RECRUITING" -> ResearchStudyStatus.APPROVED;
            case "ACTIVE_NOT_RECRUITING", "NO_LONGER_AVAILABLE" -> ResearchStudyStatus.CLOSEDTOACCRUAL;
            case "SUSPENDED", "TEMPORARILY_NOT_AVAILABLE" -> ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL;
            case "TERMINATED" -> ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED;
            case "COMPLETED", "APPROVED_FOR_MARKETING" -> ResearchStudyStatus.COMPLETED;
            case "WITHDRAWN", "WITHHELD" -> ResearchStudyStatus.WITHDRAWN;
            default -> throw new CtgovMappingException("Unknown overallStatus " + overall);
        };
    }

    /** Trialport's recruitment status; null for the expanded-access statuses it has no code for. */
    static Coding recruitmentStatus(String overall) {
        var code = switch (overall == null ? "" : overall) {
            case "RECRUITING",
                    "NOT_YET_RECRUITING",
                    "ENROLLING_BY_INVITATION",
                    "ACTIVE_NOT_RECRUITING",
                    "SUSPENDED",
                    "TERMINATED",
                    "COMPLETED",
                    "WITHDRAWN",
                    "UNKNOWN" -> overall.toLowerCase(Locale.ROOT).replace('_', '-');
            default -> null;
        };
        return code == null ? null : new Coding(CodeSystems.RECRUITMENT_STATUS, code, humanise(overall));
    }

    /** R4 research-study-phase; null when the study has no phase or an unknown combination. */
    static Coding phase(List<String> phases) {
        var code = switch (String.join("+", phases)) {
            case "NA" -> "n-a";
            case "EARLY_PHASE1" -> "early-phase-1";
            case "PHASE1" -> "phase-1";
            case "PHASE1+PHASE2" -> "phase-1-phase-2";
            case "PHASE2" -> "phase-2";
            case "PHASE2+PHASE3" -> "phase-2-phase-3";
            case "PHASE3" -> "phase-3";
            case "PHASE4" -> "phase-4";
            default -> null;
        };
        return code == null ? null : new Coding(CodeSystems.PHASE, code, phaseDisplay(code));
    }

    private static String phaseDisplay(String code) {
        return switch (code) {
            case "n-a" -> "N/A";
            case "early-phase-1" -> "Early Phase 1";
            case "phase-1-phase-2" -> "Phase 1/Phase 2";
            case "phase-2-phase-3" -> "Phase 2/Phase 3";
            default -> "Phase " + code.substring(code.length() - 1);
        };
    }

    /** Trialport's study type; null when absent or unknown. */
    static Coding studyType(String type) {
        return switch (type == null ? "" : type) {
            case "INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS" ->
                new Coding(CodeSystems.STUDY_TYPE, type.toLowerCase(Locale.ROOT).replace('_', '-'), humanise(type));
            default -> null;
        };
    }

    /** The R5 research-study-party-role of a location contact's role (no display: R5 is not loaded offline). */
    static Coding partyRole(String contactRole) {
        return switch (contactRole == null ? "CONTACT" : contactRole) {
            case "CONTACT" -> new Coding(CtgovSystems.PARTY_ROLE, "recruitment-contact", null);
            case "PRINCIPAL_INVESTIGATOR" -> new Coding(CtgovSystems.PARTY_ROLE, "primary-investigator", null);
            case "SUB_INVESTIGATOR" -> new Coding(CtgovSystems.PARTY_ROLE, "sub-investigator", null);
            case "STUDY_CHAIR" -> new Coding(CtgovSystems.PARTY_ROLE, "study-chair", null);
            case "STUDY_DIRECTOR" -> new Coding(CtgovSystems.PARTY_ROLE, "study-director", null);
            default -> null;
        };
    }

    /** The role of a location contact as people read it, e.g. "Site contact", "Principal Investigator". */
    static String contactRoleText(String contactRole) {
        return switch (contactRole == null ? "CONTACT" : contactRole) {
            case "CONTACT" -> "Site contact";
            case "PRINCIPAL_INVESTIGATOR" -> "Principal Investigator";
            case "SUB_INVESTIGATOR" -> "Sub-Investigator";
            default -> humanise(contactRole);
        };
    }

    /** {@code ACTIVE_NOT_RECRUITING} as {@code Active not recruiting}. */
    static String humanise(String constant) {
        var words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

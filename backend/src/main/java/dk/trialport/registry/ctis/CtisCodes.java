package dk.trialport.registry.ctis;

import dk.trialport.fhir.Eligibility;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;

/** CTIS values (trial status, phase, gender, age groups) as FHIR codes. */
final class CtisCodes {

    /** A trial status as R4 ResearchStudy.status and Trialport's recruitment status. */
    record Status(ResearchStudyStatus status, String recruitment, String display) {}

    private static final Pattern PHASE = Pattern.compile("\\b(IV|III|II|I|[1-4])\\b");
    private static final Pattern AGE_GROUP = Pattern.compile("(?<from>\\d+)\\s*(?<fromUnit>days?|months?|years?)?"
            + "\\s*[-–]\\s*(?<to>\\d+)\\s*(?<unit>days?|months?|years?)|(?:≥|>=)\\s*(?<atLeast>\\d+)"
            + "|(?<andOver>\\d+)\\s*(?:\\+|years? and over|years? or older)");

    private CtisCodes() {}

    /** The status; a trial CTIS has not (yet) authorised or an unknown status is refused with the reason. */
    static Status status(String ctisStatus) {
        if (ctisStatus == null) {
            throw new CtisMappingException("The trial has no status");
        }
        return switch (ctisStatus
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]+", " ")
                .strip()) {
            case "authorised", "authorised not started", "ongoing recruitment not started" ->
                new Status(ResearchStudyStatus.APPROVED, "not-yet-recruiting", "Not yet recruiting");
            case "ongoing recruiting", "recruiting" ->
                new Status(ResearchStudyStatus.ACTIVE, "recruiting", "Recruiting");
            case "ongoing", "ongoing recruitment ended" ->
                new Status(ResearchStudyStatus.CLOSEDTOACCRUAL, "active-not-recruiting", "Active not recruiting");
            case "temporarily halted", "suspended" ->
                new Status(ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL, "suspended", "Suspended");
            case "halted", "revoked", "ended prematurely", "terminated" ->
                new Status(ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED, "terminated", "Terminated");
            case "ended", "completed" -> new Status(ResearchStudyStatus.COMPLETED, "completed", "Completed");
            case "withdrawn", "cancelled", "not authorised", "expired" ->
                new Status(ResearchStudyStatus.WITHDRAWN, "withdrawn", "Withdrawn");
            case "under evaluation", "submitted" ->
                throw new CtisMappingException("The trial is not authorised yet (status " + ctisStatus + ")");
            default -> throw new CtisMappingException("Unknown trial status " + ctisStatus);
        };
    }

    /** R4 research-study-phase from CTIS's wording ("Therapeutic confirmatory (Phase III)"); null if none. */
    static Coding phase(String ctisPhase) {
        if (ctisPhase == null) {
            return null;
        }
        var phases = new TreeSet<Integer>();
        var matcher = PHASE.matcher(ctisPhase);
        while (matcher.find()) {
            phases.add(
                    switch (matcher.group(1)) {
                        case "I", "1" -> 1;
                        case "II", "2" -> 2;
                        case "III", "3" -> 3;
                        default -> 4;
                    });
        }
        var code = switch (phases.toString()) {
            case "[1]" -> "phase-1";
            case "[1, 2]" -> "phase-1-phase-2";
            case "[2]" -> "phase-2";
            case "[2, 3]" -> "phase-2-phase-3";
            case "[3]" -> "phase-3";
            case "[4]" -> "phase-4";
            default -> null;
        };
        return code == null ? null : new Coding(CodeSystems.PHASE, code, display(code));
    }

    private static String display(String code) {
        return switch (code) {
            case "phase-1-phase-2" -> "Phase 1/Phase 2";
            case "phase-2-phase-3" -> "Phase 2/Phase 3";
            default -> "Phase " + code.substring(code.length() - 1);
        };
    }

    /** One sex when the trial takes only one ("Female"), else null (both). */
    static Coding gender(List<String> genders) {
        var distinct =
                genders.stream().map(g -> g.toUpperCase(Locale.ROOT)).distinct().toList();
        return distinct.size() == 1 ? Eligibility.sex(distinct.get(0)) : null;
    }

    /**
     * The age range of {@code minAge}/{@code maxAge} ("18 years"), else the union of the age groups
     * ("18-64 years", "65+ years"); an open-ended group leaves the range open above.
     */
    static Range ages(String minAge, String maxAge, List<String> groups) {
        if (minAge != null || maxAge != null) {
            return Eligibility.ageRange(minAge, maxAge);
        }
        Quantity low = null;
        Quantity high = null;
        boolean open = false;
        for (String group : groups) {
            var matcher = AGE_GROUP.matcher(group.toLowerCase(Locale.ROOT));
            if (!matcher.find()) {
                continue;
            }
            if (matcher.group("from") != null) {
                var unit = matcher.group("unit");
                var fromUnit = matcher.group("fromUnit");
                var from = Eligibility.age(matcher.group("from") + " " + (fromUnit != null ? fromUnit : unit));
                var to = Eligibility.age(matcher.group("to") + " " + unit);
                low = low == null || days(from).compareTo(days(low)) < 0 ? from : low;
                high = high == null || days(to).compareTo(days(high)) > 0 ? to : high;
            } else {
                var years = matcher.group("atLeast") != null ? matcher.group("atLeast") : matcher.group("andOver");
                var from = Eligibility.age(years + " years");
                low = low == null || days(from).compareTo(days(low)) < 0 ? from : low;
                open = true;
            }
        }
        if (low == null) {
            return null;
        }
        return Eligibility.ageRange(text(low), open || high == null ? null : text(high));
    }

    private static BigDecimal days(Quantity age) {
        return Eligibility.in(age, "d").getValue();
    }

    private static String text(Quantity age) {
        return age.getValue().toPlainString() + " " + age.getUnit();
    }
}

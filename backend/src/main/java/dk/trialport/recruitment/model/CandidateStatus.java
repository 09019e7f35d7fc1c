package dk.trialport.recruitment.model;

import java.util.Arrays;

/** Where an interest registration is in the trial team's pipeline, as the person also sees it. */
public enum CandidateStatus {
    RECEIVED("received"),
    CONTACTED("contacted"),
    SCREENING("screening"),
    INCLUDED("included"),
    NOT_ELIGIBLE("not-eligible"),
    WITHDRAWN("withdrawn");

    private final String code;

    CandidateStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CandidateStatus of(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown candidate status " + code));
    }
}

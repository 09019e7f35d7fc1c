package dk.trialport.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.ResearchStudy;

/**
 * When a registry record last changed at its registry (ClinicalTrials.gov's last update posted, CTIS's last update,
 * AACT's {@code last_update_posted_date}): a mapper puts it in the mapped study's {@code meta.lastUpdated}, which is
 * what that field says of the record as the registry holds it; the import keeps it in the trial's {@link
 * SourceRecord} ({@code updated}), and a trial imported from registries is as fresh as that date (catalogue's
 * {@code Freshness}), not as the day Trialport read it.
 */
public final class RegistryUpdate {

    private RegistryUpdate() {}

    /** Marks the mapped study with its registry's last-update date ({@code yyyy-MM-dd…}); an unreadable one is none. */
    public static void mark(ResearchStudy mapped, String date) {
        if (date == null || date.length() < 10) {
            return;
        }
        try {
            var day = LocalDate.parse(date.substring(0, 10));
            mapped.getMeta()
                    .setLastUpdated(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        } catch (DateTimeParseException e) {
            // not a date: the record says nothing of when it changed
        }
    }

    /** The registry's last-update date of a mapped study, as a day; null when its mapper found none. */
    static DateTimeType of(ResearchStudy mapped) {
        if (!mapped.getMeta().hasLastUpdated()) {
            return null;
        }
        var day = mapped.getMeta()
                .getLastUpdated()
                .toInstant()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
        return new DateTimeType(day.toString());
    }
}

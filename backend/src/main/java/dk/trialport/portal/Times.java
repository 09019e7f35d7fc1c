package dk.trialport.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Shows moments in Danish time on pages, e.g. {@code 23-11-2026 09:15}; templates call it as {@code @times}. */
@Component("times")
class Times {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Europe/Copenhagen"));

    public String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}

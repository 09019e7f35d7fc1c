package dk.trialport.portal;

import dk.trialport.audit.AuditLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's access log as My page shows it: one line per who and what, with how many times and when last, so a
 * hundred looks at one's own page read as one line. Who is said in the person's words: "you", "the trial team
 * (user)", "the hospital's system (client)".
 */
final class AccessLogGroups {

    /**
     * One line of the grouped log.
     *
     * @param whoKey the message key saying who ({@code mypage.access.you} or {@code mypage.access.role.*})
     * @param actor the investigator's user name or the system's client id, for the message's argument
     * @param action the audited action (a {@code mypage.action.*} key's last part)
     */
    record Group(String whoKey, String actor, String action, int times, Instant latest) {}

    private static final List<String> NAMED_ROLES = List.of("INVESTIGATOR", "HOSPITAL_SYSTEM", "ADMIN", "SYSTEM");

    private AccessLogGroups() {}

    static List<Group> of(List<AuditLog.Entry> entries, String personRef) {
        var groups = new LinkedHashMap<List<String>, Group>();
        for (var entry : entries) {
            var whoKey = whoKey(entry, personRef);
            var key = List.of(whoKey, Objects.toString(entry.actor(), ""), entry.action());
            groups.merge(
                    key,
                    new Group(whoKey, entry.actor(), entry.action(), 1, entry.at()),
                    (known, more) -> new Group(
                            known.whoKey(),
                            known.actor(),
                            known.action(),
                            known.times() + 1,
                            known.latest().isAfter(more.latest()) ? known.latest() : more.latest()));
        }
        return groups.values().stream()
                .sorted(Comparator.comparing(Group::latest).reversed())
                .toList();
    }

    private static String whoKey(AuditLog.Entry entry, String personRef) {
        if (Objects.equals(entry.actor(), personRef)) {
            return "mypage.access.you";
        }
        var role = Objects.toString(entry.actorRole(), "").toUpperCase(Locale.ROOT);
        return NAMED_ROLES.contains(role) ? "mypage.access.role." + role : "mypage.access.role.other";
    }
}

package dk.trialport.recruitment.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a trial team sees of recruitment on its workspace home: how many candidates registered interest (new and in
 * all) and how many volunteers were told of the trial because it matched their profile; numbers, never who.
 */
@Service
public class TrialFigures {

    /** One trial's figures. */
    public record Figures(long newCandidates, long candidates, long told) {

        static final Figures NONE = new Figures(0, 0, 0);
    }

    private final DatabaseClient database;

    TrialFigures(DatabaseClient database) {
        this.database = database;
    }

    /** The figures of these trials; a trial without any has zeros. */
    public Mono<Map<String, Figures>> of(Collection<String> trialIds) {
        var ids = trialIds.toArray(String[]::new);
        if (ids.length == 0) {
            return Mono.just(Map.of());
        }
        var candidates = database.sql("SELECT trial_id, count(*) FILTER (WHERE status = 'received') AS fresh, "
                        + "count(*) AS total FROM interest_registration WHERE trial_id = ANY(:ids) GROUP BY trial_id")
                .bind("ids", ids)
                .map(row -> Map.entry(
                        row.get("trial_id", String.class),
                        new long[] {row.get("fresh", Long.class), row.get("total", Long.class)}))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        var told = database.sql("SELECT trial_id, count(*) AS told FROM person_notification WHERE trial_id = ANY(:ids) "
                        + "GROUP BY trial_id")
                .bind("ids", ids)
                .map(row -> Map.entry(row.get("trial_id", String.class), row.get("told", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(candidates, told).map(both -> {
            var figures = new HashMap<String, Figures>();
            for (var id : ids) {
                var registered = both.getT1().get(id);
                var toldCount = both.getT2().getOrDefault(id, 0L);
                figures.put(
                        id,
                        registered == null
                                ? new Figures(0, 0, toldCount)
                                : new Figures(registered[0], registered[1], toldCount));
            }
            return Map.copyOf(figures);
        });
    }
}

package dk.trialport.registry.ctis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dk.trialport.registry.SyncHttp;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public CTIS API: the trial search ({@code POST {base}/ctis-public-api/search}, a JSON body with
 * {@code pagination.page} counted from 1 and {@code searchCriteria.msc}, the member states concerned) and one trial
 * ({@code GET {base}/ctis-public-api/retrieve/{ctNumber}}), which the CTIS mapper reads.
 */
public final class CtisApi {

    /**
     * One search page: the EU CT numbers found (those last updated before {@code since} left out when the search
     * says when they were), whether there is a next page, and how many trials the search finds in all.
     */
    public record Page(List<String> ctNumbers, boolean hasNext, Long totalRecords) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SyncHttp http;
    private final URI base;
    private final List<Integer> memberStates;
    private final int pageSize;

    public CtisApi(SyncHttp http, URI base, List<Integer> memberStates, int pageSize) {
        this.http = http;
        this.base = base;
        this.memberStates = List.copyOf(memberStates);
        this.pageSize = pageSize;
    }

    /** Search page {@code page} (from 1); with {@code since}, only trials whose result says they changed since. */
    public Page search(int page, LocalDate since) {
        var body = NODES.objectNode();
        body.putObject("pagination").put("page", page).put("size", pageSize);
        body.putObject("sort").put("property", "decisionDate").put("direction", "DESC");
        var criteria = body.putObject("searchCriteria");
        if (!memberStates.isEmpty()) {
            var msc = criteria.putArray("msc");
            memberStates.forEach(msc::add);
        }
        var json = http.post(
                UriComponentsBuilder.fromUri(base)
                        .path("/ctis-public-api/search")
                        .build()
                        .toUri(),
                body);
        var numbers = new ArrayList<String>();
        for (JsonNode trial : json.path("data")) {
            var number = trial.path("ctNumber").asText(null);
            if (number != null && changedSince(trial, since)) {
                numbers.add(number);
            }
        }
        var pagination = json.path("pagination");
        boolean hasNext = pagination.path("nextPage").asBoolean(false)
                || pagination.path("currentPage").asInt(page)
                        < pagination.path("totalPages").asInt(0);
        var total = pagination.path("totalRecords").isNumber()
                ? pagination.path("totalRecords").asLong()
                : null;
        return new Page(List.copyOf(numbers), hasNext, total);
    }

    /** The trial with this EU CT number. */
    public JsonNode retrieve(String ctNumber) {
        return http.get(UriComponentsBuilder.fromUri(base)
                .path("/ctis-public-api/retrieve/{ctNumber}")
                .buildAndExpand(ctNumber)
                .encode()
                .toUri());
    }

    /** A search result without {@code lastUpdated} (or unreadable) counts as changed. */
    private static boolean changedSince(JsonNode trial, LocalDate since) {
        var updated = trial.path("lastUpdated").asText("");
        if (since == null || updated.length() < 10) {
            return true;
        }
        try {
            return !LocalDate.parse(updated.substring(0, 10)).isBefore(since);
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }
}

package dk.trialport.registry.ctgov;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trialport.registry.SyncHttp;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ClinicalTrials.gov API v2 study search ({@code GET {base}/api/v2/studies}): the studies with a location in
 * one country ({@code query.locn}), in pages of up to 1,000 linked by {@code nextPageToken}, optionally only those
 * whose record was last updated on or after a date ({@code filter.advanced=AREA[LastUpdatePostDate]RANGE[date,MAX]}).
 */
public final class CtgovApi {

    /**
     * One page: its studies (API v2 JSON, as the file import reads them), the token of the next page (null on the
     * last) and how many studies the search finds in all (null when the API did not say).
     */
    public record Page(List<JsonNode> studies, String nextPageToken, Long totalCount) {}

    private final SyncHttp http;
    private final URI base;
    private final String location;
    private final int pageSize;

    public CtgovApi(SyncHttp http, URI base, String location, int pageSize) {
        this.http = http;
        this.base = base;
        this.location = location;
        this.pageSize = pageSize;
    }

    /** The page {@code pageToken} names (null: the first) of the studies updated since {@code since} (null: all). */
    public Page page(String pageToken, LocalDate since) {
        var uri = UriComponentsBuilder.fromUri(base)
                .path("/api/v2/studies")
                .queryParam("format", "json")
                .queryParam("query.locn", location)
                .queryParam("pageSize", pageSize)
                .queryParam("countTotal", true);
        if (since != null) {
            uri.queryParam("filter.advanced", "AREA[LastUpdatePostDate]RANGE[" + since + ",MAX]");
        }
        if (pageToken != null) {
            uri.queryParam("pageToken", pageToken);
        }
        var json = http.get(uri.encode().build().toUri());
        var studies = new ArrayList<JsonNode>();
        json.path("studies").forEach(studies::add);
        var next = json.path("nextPageToken").asText(null);
        var total = json.path("totalCount").isNumber() ? json.path("totalCount").asLong() : null;
        return new Page(List.copyOf(studies), next == null || next.isBlank() ? null : next, total);
    }
}

package dk.trialport.search;

import static dk.trialport.search.SearchTestSupport.keys;
import static dk.trialport.search.SearchTestSupport.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The public search API: filters with facet counts, distance, sorting, paging, suggestions and errors. */
class TrialSearchApiIT extends SearchedCatalogue {

    @Override
    List<SearchFixture.Spec> trials() {
        return SearchFixture.CATALOGUE;
    }

    @Test
    void withoutFiltersEveryOpenTrialIsFoundWithFacetCounts() {
        var page = search(api, uri -> uri.queryParam("lang", "en"));
        assertThat(page.total()).isEqualTo(12);
        assertThat(page.facets())
                .containsKeys(
                        "status",
                        "condition",
                        "phase",
                        "studyType",
                        "sex",
                        "healthyVolunteers",
                        "region",
                        "hospital",
                        "decentralized");
        // The status facet ignores its own filter: it shows what other statuses would give.
        assertThat(page.facets().get("status")).anySatisfy(value -> {
            assertThat(value.value()).isEqualTo("completed");
            assertThat(value.count()).isEqualTo(1);
            assertThat(value.label()).isEqualTo("Completed");
        });
        assertThat(page.facets().get("condition")).anySatisfy(value -> {
            assertThat(value.value()).isEqualTo("cancer");
            assertThat(value.count()).isEqualTo(4);
        });
        assertThat(page.facets().get("region")).anySatisfy(value -> {
            assertThat(value.value()).isEqualTo("Region Midtjylland");
            assertThat(value.count()).isEqualTo(3);
        });
    }

    @Test
    void facetLabelsFollowTheLanguage() {
        var danish = search(api, uri -> uri.queryParam("lang", "da"));
        assertThat(danish.facets().get("status"))
                .anySatisfy(value -> assertThat(value.label()).isEqualTo("Søger deltagere"));
    }

    @Test
    void filtersNarrowTheResult() {
        assertThat(keys(search(api, uri -> uri.queryParam("condition", "cancer").queryParam("sex", "male"))))
                .containsExactlyInAnyOrder("nsclc", "colon", "prostate");
        assertThat(keys(search(api, uri -> uri.queryParam("healthyVolunteers", "true"))))
                .containsExactly("vaccine");
        assertThat(keys(search(api, uri -> uri.queryParam("decentralized", "true"))))
                .containsExactlyInAnyOrder("t1d", "hf", "copd", "depression");
        assertThat(keys(search(api, uri -> uri.queryParam("region", "Region Nordjylland"))))
                .containsExactly("nsclc");
        assertThat(keys(search(api, uri -> uri.queryParam("phase", "phase-1")))).containsExactly("vaccine");
        assertThat(keys(search(api, uri -> uri.queryParam("startFrom", "2025-08-01"))))
                .containsExactlyInAnyOrder("t1d", "depression", "vaccine");
    }

    @Test
    void aPostalCodeAndDistanceFindTrialsNearbyNearestFirst() {
        var page = search(api, uri -> uri.queryParam("postalCode", "8000").queryParam("distanceKm", "60"));
        assertThat(keys(page)).containsExactlyInAnyOrder("t2d", "hf", "depression");
        assertThat(page.items())
                .allSatisfy(item -> assertThat(item.nearestSite().distanceKm()).isLessThan(60));

        var fromCopenhagen = search(
                api,
                uri -> uri.queryParam("postalCode", "2100")
                        .queryParam("sort", "distance")
                        .queryParam("condition", "cancer"));
        assertThat(keys(fromCopenhagen).subList(0, 2)).containsExactlyInAnyOrder("breast", "nsclc");
        assertThat(fromCopenhagen.items().get(0).nearestSite().distanceKm()).isLessThan(5);
        var distances = fromCopenhagen.items().stream()
                .map(item -> item.nearestSite().distanceKm())
                .toList();
        assertThat(distances).isSorted();
    }

    @Test
    void pagingWithTheCursorVisitsEveryTrialOnce() {
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var after = cursor;
            var page = search(api, uri -> {
                uri.queryParam("size", "5").queryParam("status", "all");
                if (after != null) {
                    uri.queryParam("cursor", after);
                }
            });
            seen.addAll(keys(page));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(13);
        assertThat(new HashSet<>(seen)).hasSize(13);
    }

    @Test
    void suggestionsCompleteWhatIsTyped() {
        var suggestions = api.get()
                .uri("/api/v1/trials/suggest?q=sukk")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TrialSuggestions.Suggestions.class)
                .returnResult()
                .getResponseBody();
        assertThat(suggestions.conditions())
                .anySatisfy(condition -> assertThat(condition.id()).contains("diabetes"));

        var phrases = api.get()
                .uri("/api/v1/trials/suggest?q=brystk")
                .exchange()
                .expectBody(TrialSuggestions.Suggestions.class)
                .returnResult()
                .getResponseBody();
        assertThat(phrases.phrases())
                .anySatisfy(phrase -> assertThat(phrase.toLowerCase()).startsWith("brystk"));
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        api.get()
                .uri("/api/v1/trials?age=old")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("age");
        api.get()
                .uri("/api/v1/trials?postalCode=0001")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("postalCode");
        api.get()
                .uri("/api/v1/trials?colour=blue")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("colour");
        api.get()
                .uri("/api/v1/trials?cursor=nonsense")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("cursor");
        api.get()
                .uri("/api/v1/trials?sort=distance")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("sort");
    }

    @Test
    void theOpenApiDescriptionIsServedToAnyone() {
        api.get()
                .uri("/api/v1/openapi.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("/api/v1/trials", "postalCode"));
    }
}

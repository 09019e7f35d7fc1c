package dk.trialport.portal;

import dk.trialport.search.SearchPage;
import java.util.List;
import java.util.Map;

/** Search results as the search returns them, for page tests that do not need a real index: a diabetes trial in Aarhus. */
final class SearchItems {

    private SearchItems() {}

    static SearchPage.Item item(String id, String title, String titleLanguage) {
        var site = new SearchPage.NearestSite(
                "Aarhus Universitetshospital, Steno Diabetes Center",
                "Aarhus Universitetshospital",
                "Aarhus N",
                "8200",
                "Region Midtjylland",
                12.3);
        return new SearchPage.Item(
                id,
                List.of(),
                title,
                titleLanguage,
                null,
                null,
                "active",
                "recruiting",
                List.of("phase-3"),
                List.of("Type 2-diabetes"),
                List.of("diabetes"),
                18.0,
                75.0,
                "all",
                false,
                false,
                "2025-03-01",
                "2026-01-01",
                1,
                site,
                Map.of(),
                null,
                null);
    }
}

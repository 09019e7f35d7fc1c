package dk.trialport.search;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PlaceNames;
import dk.trialport.search.vocabulary.PostalCodes;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.LinkedMultiValueMap;

/** What the search box's words are read as, without a search engine. */
class QueryUnderstandingTest {

    private static final PostalCodes POSTAL_CODES = PostalCodes.load();
    private static final QueryUnderstanding UNDERSTANDING = new QueryUnderstanding(
            PlaceNames.load(POSTAL_CODES),
            POSTAL_CODES,
            ConditionVocabulary.load(),
            new SearchProperties(
                    "trials", true, 200, Duration.ofMillis(250), Duration.ofSeconds(10), 50, Duration.ofMinutes(2), ""),
            messages());

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static TrialQuery understand(String q, String... parameters) {
        var map = new LinkedMultiValueMap<String, String>();
        map.add("q", q);
        for (int i = 0; i < parameters.length; i += 2) {
            map.add(parameters[i], parameters[i + 1]);
        }
        return UNDERSTANDING.understand(new TrialQueryParser(POSTAL_CODES).parse(map, Locale.forLanguageTag("da")));
    }

    @Test
    void naerAarhusIsFiftyKilometresAroundAarhus() {
        var query = understand("kræft nær Aarhus");

        assertThat(query.text()).isEqualTo("kræft");
        assertThat(query.distanceKm()).isEqualTo(50);
        assertThat(query.near())
                .isEqualTo(POSTAL_CODES.find("8000").orElseThrow().point());
        assertThat(query.understood().filters()).singleElement().satisfies(filter -> {
            assertThat(filter.label()).isEqualTo("nær Aarhus (50 km)");
            assertThat(filter.textWithout()).isEqualTo("kræft");
        });
    }

    @Test
    void townsWithDistrictLettersAndSeveralWordsArePlaces() {
        assertThat(understand("i Odense").near())
                .isEqualTo(POSTAL_CODES.find("5000").orElseThrow().point());
        assertThat(understand("ved Høje Taastrup")
                        .understood()
                        .filters()
                        .getFirst()
                        .postalCode())
                .isEqualTo("0800");
        assertThat(understand("near Copenhagen")
                        .understood()
                        .filters()
                        .getFirst()
                        .postalCode())
                .isEqualTo("1000");
        assertThat(understand("20 km fra Vejle").distanceKm()).isEqualTo(20);
        assertThat(understand("nær Vejle", "distanceKm", "100").distanceKm()).isEqualTo(100);
        assertThat(understand("nær Vejle", "distanceKm", "100")
                        .understood()
                        .filters()
                        .getFirst()
                        .label())
                .isEqualTo("nær Vejle (100 km)");
    }

    @Test
    void regionsAreTheRegionFilter() {
        assertThat(understand("Region Sjælland").regions()).containsExactly("Region Sjælland");
        assertThat(understand("astma i Midtjylland").regions()).containsExactly("Region Midtjylland");
        assertThat(understand("astma i Midtjylland").text()).isEqualTo("astma");
    }

    @Test
    void peopleWordsAreTheirFilters() {
        assertThat(understand("raske frivillige").healthyVolunteers()).isTrue();
        assertThat(understand("kvinder med brystkræft").sex()).isEqualTo("female");
        assertThat(understand("kvinder med brystkræft").text()).isEqualTo("brystkræft");
        assertThat(understand("men").sex()).isEqualTo("male");
        var children = understand("børn").understood().age();
        assertThat(children.minAge()).isNull();
        assertThat(children.maxAge()).isEqualTo(18.0);
        assertThat(understand("over 60").understood().age().minAge()).isEqualTo(60.0);
        assertThat(understand("under 40").understood().age().maxAge()).isEqualTo(40.0);
        assertThat(understand("65 år").understood().age().label()).isEqualTo("65 år");
    }

    @Test
    void conditionsAndOtherWordsStayText() {
        assertThat(understand("blodprop i hjernen").understood().filters()).isEmpty();
        assertThat(understand("blodprop i hjernen").text()).isEqualTo("blodprop i hjernen");
        assertThat(understand("type 2 diabetes").text()).isEqualTo("type 2 diabetes");
        assertThat(understand("kræft i tarm").understood().filters()).isEmpty();
        assertThat(understand("under graviditet").understood().filters()).isEmpty();
    }

    @Test
    void aParameterOfTheSameKindWins() {
        var query = understand("kvinder nær Aarhus", "sex", "male", "postalCode", "2100");

        assertThat(query.sex()).isEqualTo("male");
        assertThat(query.near())
                .isEqualTo(POSTAL_CODES.find("2100").orElseThrow().point());
        assertThat(query.understood().filters()).isEmpty();
        assertThat(query.text()).isEqualTo("kvinder nær Aarhus");
    }
}

package dk.trialport.search;

import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.Folding;
import dk.trialport.search.vocabulary.GeoPoint;
import dk.trialport.search.vocabulary.Place;
import dk.trialport.search.vocabulary.PlaceNames;
import dk.trialport.search.vocabulary.PostalCodes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads the filters people write into the search box: a place ("nær Aarhus", "i Odense", "near 8000", "Region
 * Sjælland"), healthy volunteers ("raske frivillige"), children, adults, women, men and ages ("over 60", "under 40",
 * "65 år"). Each becomes the filter the search already has (a place a 50 km radius unless "inden for 20 km" says
 * otherwise); the other words stay the text query, without words that only say "trial". A filter the request sets
 * itself (a postal code, a sex, …) wins: the same kind of words then stay text.
 */
@Component
public class QueryUnderstanding {

    private static final Set<String> NEAR = Set.of("naer", "i", "ved", "omkring", "near", "in", "around", "at");
    private static final List<List<String>> NEAR_PAIRS = List.of(
            List.of("taet", "paa"), List.of("naer", "ved"), List.of("close", "to"), List.of("i", "naerheden", "af"));
    private static final Set<String> WITHIN_UNIT = Set.of("km", "kilometer");
    private static final Set<String> FROM = Set.of("fra", "from", "of", "af", "naer", "near", "omkring", "around");
    private static final List<List<String>> HEALTHY = List.of(
            List.of("raske", "frivillige"),
            List.of("rask", "frivillig"),
            List.of("raske", "forsoegspersoner"),
            List.of("healthy", "volunteers"),
            List.of("healthy", "volunteer"),
            List.of("healthy", "participants"));
    private static final Map<String, String> SEXES = Map.of(
            "kvinder", "female",
            "kvinde", "female",
            "women", "female",
            "woman", "female",
            "maend", "male",
            "mand", "male",
            "men", "male",
            "man", "male");
    private static final Set<String> CHILDREN = Set.of("boern", "barn", "children", "child", "kids");
    private static final Set<String> ADULTS = Set.of("voksne", "voksen", "adults", "adult");
    private static final Set<String> ABOVE = Set.of("over", "above");
    private static final Set<String> BELOW = Set.of("under", "below");
    private static final List<List<String>> ABOVE_PAIRS = List.of(List.of("aeldre", "end"), List.of("older", "than"));
    private static final List<List<String>> BELOW_PAIRS = List.of(List.of("yngre", "end"), List.of("younger", "than"));
    private static final Set<String> YEARS = Set.of("aar", "years", "year", "aarig", "aarige", "yo");
    private static final Set<String> TRIAL_WORDS = Set.of(
            "forsoeg",
            "forsoeget",
            "forsoegene",
            "studie",
            "studiet",
            "studier",
            "trial",
            "trials",
            "study",
            "studies",
            "klinisk",
            "kliniske",
            "clinical");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "for", "til", "med", "with", "og", "and", "i", "in", "hos", "of", "af", "ved", "paa", "on", "om", "about",
            "der", "som", "who", "the", "a", "an", "en", "et", "mod");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{4}");
    private static final int MAX_AGE = 130;

    /** Prepositions after which a body part is likelier than a town ("kræft i tarm" is no place). */
    private static final Set<String> AMBIGUOUS = Set.of("i", "in", "ved", "at");

    private final PlaceNames places;
    private final PostalCodes postalCodes;
    private final ConditionVocabulary vocabulary;
    private final SearchProperties properties;
    private final MessageSource messages;

    QueryUnderstanding(
            PlaceNames places,
            PostalCodes postalCodes,
            ConditionVocabulary vocabulary,
            SearchProperties properties,
            MessageSource messages) {
        this.places = places;
        this.postalCodes = postalCodes;
        this.vocabulary = vocabulary;
        this.properties = properties;
        this.messages = messages;
    }

    /** A word of the text: as written, and folded for matching. */
    private record Word(String written, String folded) {}

    /** A filter found at words [start, end); for a place, where it is. */
    private record Found(int start, int end, Understood.Filter filter, GeoPoint point) {

        Found(int start, int end, Understood.Filter filter) {
            this(start, end, filter, null);
        }
    }

    /** A filter being read: kind and label first, then its values. */
    private static final class FilterBuilder {
        private final Understood.Kind kind;
        private final String label;
        private String postalCode;
        private Integer distanceKm;
        private String region;
        private Boolean healthyVolunteers;
        private String sex;
        private Double minAge;
        private Double maxAge;

        FilterBuilder(Understood.Kind kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        FilterBuilder place(String postalCode, int distanceKm) {
            this.postalCode = postalCode;
            this.distanceKm = distanceKm;
            return this;
        }

        FilterBuilder region(String region) {
            this.region = region;
            return this;
        }

        FilterBuilder healthyVolunteers() {
            this.healthyVolunteers = true;
            return this;
        }

        FilterBuilder sex(String sex) {
            this.sex = sex;
            return this;
        }

        FilterBuilder ages(Double min, Double max) {
            this.minAge = min;
            this.maxAge = max;
            return this;
        }

        Understood.Filter build() {
            return new Understood.Filter(
                    kind, null, label, null, postalCode, distanceKm, region, healthyVolunteers, sex, minAge, maxAge);
        }
    }

    /** The query with the filters its text holds applied, and how the text was read; unchanged without text. */
    public TrialQuery understand(TrialQuery query) {
        if (query.text() == null) {
            return query;
        }
        var words = words(query.text());
        var taken = taken(query);
        var found = new ArrayList<Found>();
        for (int i = 0; i < words.size(); ) {
            var next = read(words, i, taken, query);
            if (next.isPresent()) {
                found.add(next.get());
                taken.add(next.get().filter().kind());
                i = next.get().end();
            } else {
                i++;
            }
        }
        var rest = rest(words, found);
        var filters = found.stream().map(f -> withoutWords(f, words)).toList();
        var understood = new Understood(rest, filters);
        var place = found.stream()
                .map(Found::point)
                .filter(point -> point != null)
                .findFirst()
                .orElse(null);
        return applied(query, understood, place);
    }

    private static List<Word> words(String text) {
        var words = new ArrayList<Word>();
        for (var written : text.strip().split("\\s+")) {
            var folded = Folding.fold(written);
            if (!folded.isEmpty()) {
                words.add(new Word(written, folded));
            }
        }
        return words;
    }

    private static EnumSet<Understood.Kind> taken(TrialQuery query) {
        var taken = EnumSet.noneOf(Understood.Kind.class);
        if (query.near() != null) {
            taken.add(Understood.Kind.NEAR);
        }
        if (!query.regions().isEmpty()) {
            taken.add(Understood.Kind.REGION);
        }
        if (query.healthyVolunteers() != null) {
            taken.add(Understood.Kind.HEALTHY_VOLUNTEERS);
        }
        if (query.sex() != null) {
            taken.add(Understood.Kind.SEX);
        }
        if (query.age() != null) {
            taken.add(Understood.Kind.AGE);
        }
        return taken;
    }

    /** The filter whose words start at {@code i}, if any whose kind is not taken yet. */
    private Optional<Found> read(List<Word> words, int i, Set<Understood.Kind> taken, TrialQuery query) {
        var locale = query.locale();
        var readers = List.<Optional<Found>>of(
                taken.contains(Understood.Kind.REGION) ? Optional.empty() : region(words, i, locale),
                taken.contains(Understood.Kind.NEAR) ? Optional.empty() : near(words, i, query.distanceKm(), locale),
                taken.contains(Understood.Kind.HEALTHY_VOLUNTEERS) ? Optional.empty() : healthy(words, i, locale),
                taken.contains(Understood.Kind.SEX) ? Optional.empty() : sex(words, i, locale),
                taken.contains(Understood.Kind.AGE) ? Optional.empty() : age(words, i, locale));
        return readers.stream().flatMap(Optional::stream).findFirst();
    }

    private Optional<Found> region(List<Word> words, int i, Locale locale) {
        int start = i;
        if (NEAR.contains(folded(words, i))) {
            i++;
        }
        for (int length = Math.min(places.longestName(), words.size() - i); length >= 1; length--) {
            var region = places.region(folded(words, i, length));
            if (region.isPresent()) {
                var filter = filter(Understood.Kind.REGION, message("search.understood.region", locale, region.get()));
                return Optional.of(
                        new Found(start, i + length, filter.region(region.get()).build()));
            }
        }
        return Optional.empty();
    }

    /** A place; its radius from the text, else the request's {@code distanceKm}, else the default. */
    private Optional<Found> near(List<Word> words, int i, Integer requestedKm, Locale locale) {
        int start = i;
        Integer distance = null;
        var within = withinKm(words, i);
        if (within != null) {
            distance = Integer.parseInt(folded(words, i + within - 2));
            i += within;
            if (FROM.contains(folded(words, i))) {
                i++;
            }
        } else {
            int prefix = prefix(words, i);
            if (prefix == 0) {
                return Optional.empty();
            }
            i += prefix;
        }
        var place = place(words, i);
        if (place.isEmpty()
                || within == null
                        && AMBIGUOUS.contains(folded(words, i - 1))
                        && vocabulary.isWordOfAName(folded(words, i, place.get().words()))) {
            return Optional.empty();
        }
        int end = i + place.get().words();
        if (distance == null) {
            var after = withinKm(words, end);
            if (after != null) {
                distance = Integer.parseInt(folded(words, end + after - 2));
                end += after;
            }
        }
        int km = distance != null ? distance : requestedKm != null ? requestedKm : properties.defaultDistanceKm();
        var name = written(words, i, place.get().words());
        var filter = filter(Understood.Kind.NEAR, message("search.understood.near", locale, name, km));
        return Optional.of(new Found(
                start,
                end,
                filter.place(place.get().place().postalCode(), km).build(),
                place.get().place().point()));
    }

    /** "inden for 20 km", "within 20 km", "20 km": how many words, or null. */
    private static Integer withinKm(List<Word> words, int i) {
        int from = i;
        if (folded(words, i).equals("within")) {
            i++;
        } else if (folded(words, i).equals("inden") && folded(words, i + 1).equals("for")) {
            i += 2;
        }
        if (NUMBER.matcher(folded(words, i)).matches()
                && WITHIN_UNIT.contains(folded(words, i + 1))
                && Integer.parseInt(folded(words, i)) >= 1) {
            return i + 2 - from;
        }
        return null;
    }

    private static int prefix(List<Word> words, int i) {
        for (var pair : NEAR_PAIRS) {
            if (startsWith(words, i, pair)) {
                return pair.size();
            }
        }
        return NEAR.contains(folded(words, i)) ? 1 : 0;
    }

    private record PlaceWords(Place place, int words) {}

    private Optional<PlaceWords> place(List<Word> words, int i) {
        var first = folded(words, i);
        if (POSTAL_CODE.matcher(first).matches()) {
            return postalCodes.find(first).map(place -> new PlaceWords(place, 1));
        }
        for (int length = Math.min(places.longestName(), words.size() - i); length >= 1; length--) {
            int size = length;
            var town = places.town(folded(words, i, length));
            if (town.isPresent()) {
                return town.map(place -> new PlaceWords(place, size));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> healthy(List<Word> words, int i, Locale locale) {
        for (var phrase : HEALTHY) {
            if (startsWith(words, i, phrase)) {
                var filter = filter(
                        Understood.Kind.HEALTHY_VOLUNTEERS, message("search.understood.healthyVolunteers", locale));
                return Optional.of(new Found(
                        i, i + phrase.size(), filter.healthyVolunteers().build()));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> sex(List<Word> words, int i, Locale locale) {
        var sex = SEXES.get(folded(words, i));
        if (sex == null) {
            return Optional.empty();
        }
        var filter = filter(Understood.Kind.SEX, message("search.understood.sex." + sex, locale));
        return Optional.of(new Found(i, i + 1, filter.sex(sex).build()));
    }

    private Optional<Found> age(List<Word> words, int i, Locale locale) {
        var word = folded(words, i);
        if (CHILDREN.contains(word)) {
            return Optional.of(new Found(
                    i,
                    i + 1,
                    filter(Understood.Kind.AGE, message("search.understood.children", locale))
                            .ages(null, 18.0)
                            .build()));
        }
        if (ADULTS.contains(word)) {
            return Optional.of(new Found(
                    i,
                    i + 1,
                    filter(Understood.Kind.AGE, message("search.understood.adults", locale))
                            .ages(18.0, null)
                            .build()));
        }
        int comparison = ABOVE.contains(word) || BELOW.contains(word) ? 1 : 0;
        boolean above = ABOVE.contains(word);
        for (var pair : ABOVE_PAIRS) {
            if (startsWith(words, i, pair)) {
                comparison = 2;
                above = true;
            }
        }
        for (var pair : BELOW_PAIRS) {
            if (startsWith(words, i, pair)) {
                comparison = 2;
            }
        }
        var number = folded(words, i + comparison);
        if (!NUMBER.matcher(number).matches() || Integer.parseInt(number) > MAX_AGE) {
            return Optional.empty();
        }
        int years = Integer.parseInt(number);
        int end = i + comparison + 1;
        boolean yearsWord = YEARS.contains(folded(words, end));
        if (yearsWord) {
            end++;
            if (folded(words, end).equals("old") || folded(words, end).equals("gammel")) {
                end++;
            }
        }
        if (comparison == 0 && !yearsWord) {
            return Optional.empty();
        }
        FilterBuilder filter;
        if (comparison == 0) {
            filter = filter(Understood.Kind.AGE, message("search.understood.age.exact", locale, years))
                    .ages((double) years, years + 1.0);
        } else if (above) {
            filter = filter(Understood.Kind.AGE, message("search.understood.age.above", locale, years))
                    .ages((double) years, null);
        } else {
            filter = filter(Understood.Kind.AGE, message("search.understood.age.below", locale, years))
                    .ages(null, (double) years);
        }
        return Optional.of(new Found(i, end, filter.build()));
    }

    /** The words no filter took, without words that only say "trial" and function words left at either end. */
    private static String rest(List<Word> words, List<Found> found) {
        var rest = new ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            int index = i;
            if (found.stream().noneMatch(f -> f.start() <= index && index < f.end())
                    && !TRIAL_WORDS.contains(words.get(i).folded())) {
                rest.add(words.get(i).written());
            }
        }
        while (!rest.isEmpty() && FUNCTION_WORDS.contains(Folding.fold(rest.getFirst()))) {
            rest.removeFirst();
        }
        while (!rest.isEmpty() && FUNCTION_WORDS.contains(Folding.fold(rest.getLast()))) {
            rest.removeLast();
        }
        return rest.isEmpty() ? null : String.join(" ", rest);
    }

    private static Understood.Filter withoutWords(Found found, List<Word> words) {
        var without = new ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            if (i < found.start() || i >= found.end()) {
                without.add(words.get(i).written());
            }
        }
        var filter = found.filter();
        return new Understood.Filter(
                filter.kind(),
                written(words, found.start(), found.end() - found.start()),
                filter.label(),
                String.join(" ", without),
                filter.postalCode(),
                filter.distanceKm(),
                filter.region(),
                filter.healthyVolunteers(),
                filter.sex(),
                filter.minAge(),
                filter.maxAge());
    }

    /** The query with the understood filters set and the remaining words as its text. */
    private static TrialQuery applied(TrialQuery query, Understood understood, GeoPoint place) {
        var near = place == null ? query.near() : place;
        var distanceKm = query.distanceKm();
        var regions = query.regions();
        var healthy = query.healthyVolunteers();
        var sex = query.sex();
        for (var filter : understood.filters()) {
            switch (filter.kind()) {
                case NEAR -> distanceKm = filter.distanceKm();
                case REGION -> regions = List.of(filter.region());
                case HEALTHY_VOLUNTEERS -> healthy = true;
                case SEX -> sex = filter.sex();
                case AGE -> {
                    // applied by the search from the interpretation (an age span, not one age)
                }
            }
        }
        return query.understood(near, distanceKm, regions, healthy, sex, understood);
    }

    private FilterBuilder filter(Understood.Kind kind, String label) {
        return new FilterBuilder(kind, label);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale == null ? Locale.forLanguageTag("da") : locale);
    }

    /** The folded word at {@code i}, or "" past the end. */
    private static String folded(List<Word> words, int i) {
        return i < words.size() ? words.get(i).folded() : "";
    }

    private static List<String> folded(List<Word> words, int i, int length) {
        return words.subList(i, i + length).stream().map(Word::folded).toList();
    }

    private static boolean startsWith(List<Word> words, int i, List<String> phrase) {
        return i + phrase.size() <= words.size()
                && folded(words, i, phrase.size()).equals(phrase);
    }

    /** The words as written, e.g. "Region Sjælland"; a trailing comma or full stop left out. */
    private static String written(List<Word> words, int i, int length) {
        return words.subList(i, i + length).stream()
                .map(Word::written)
                .collect(Collectors.joining(" "))
                .replaceAll("[,.;:!?]+$", "");
    }
}

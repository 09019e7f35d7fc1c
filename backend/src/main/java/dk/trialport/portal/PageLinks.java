package dk.trialport.portal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to other pages of the same search: every parameter kept, only the cursor changed. */
final class PageLinks {

    static final String PATH = "/soeg";

    private PageLinks() {}

    /** The next page after {@code cursor}, or null when there is none. */
    static String next(MultiValueMap<String, String> parameters, String cursor) {
        if (cursor == null) {
            return null;
        }
        var next = withoutCursor(parameters);
        next.put("cursor", List.of(cursor));
        return link(next);
    }

    /** The first page, or null when this is the first page. */
    static String first(MultiValueMap<String, String> parameters) {
        return parameters.containsKey("cursor") ? link(withoutCursor(parameters)) : null;
    }

    /** The same search with one parameter set to another value, from the first page. */
    static String with(MultiValueMap<String, String> parameters, String name, String value) {
        var copy = withoutCursor(parameters);
        copy.put(name, List.of(value));
        return link(copy);
    }

    /** The same search with another free text (none when blank), from the first page. */
    static String withText(MultiValueMap<String, String> parameters, String text) {
        var copy = withoutCursor(parameters);
        copy.remove("q");
        if (text != null && !text.isBlank()) {
            copy.put("q", List.of(text.strip()));
        }
        return link(copy);
    }

    private static MultiValueMap<String, String> withoutCursor(MultiValueMap<String, String> parameters) {
        var copy = new LinkedMultiValueMap<String, String>();
        parameters.forEach((name, values) -> {
            if (!name.equals("cursor") && !name.equals("lang")) {
                copy.put(name, new ArrayList<>(values)); // a parameter without a value (?q) has a null value
            }
        });
        return copy;
    }

    private static String link(MultiValueMap<String, String> parameters) {
        return UriComponentsBuilder.fromPath(PATH)
                .queryParams(parameters)
                .build()
                .encode()
                .toUriString();
    }
}

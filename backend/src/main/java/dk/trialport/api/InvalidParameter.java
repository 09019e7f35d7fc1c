package dk.trialport.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A request parameter that cannot be taken as given: a 400 whose problem detail names it in the property
 * {@value #PROPERTY}. Pages catch it to mark the form field instead.
 */
public class InvalidParameter extends ResponseStatusException {

    /** The problem detail's property that names the parameter at fault. */
    public static final String PROPERTY = "parameter";

    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        this(HttpStatus.BAD_REQUEST, parameter, message);
    }

    /** A refusal with another status, such as a 404 for an id nothing has. */
    public InvalidParameter(HttpStatus status, String parameter, String message) {
        super(status, message);
        this.parameter = parameter;
        getBody().setProperty(PROPERTY, parameter);
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public String getMessage() {
        return getReason();
    }

    /**
     * The first query parameter whose name holds a control character, or whose value one other than a tab, read from
     * the raw query: such a request is refused before any handler could read its parameters.
     */
    public static Optional<InvalidParameter> withControlCharacters(URI uri) {
        var query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        var parameters = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
        for (Map.Entry<String, java.util.List<String>> parameter : parameters.entrySet()) {
            var name = decode(parameter.getKey());
            if (name.chars().anyMatch(Character::isISOControl)
                    || parameter.getValue().stream()
                            .map(InvalidParameter::decode)
                            .anyMatch(InvalidParameter::hasControlCharacter)) {
                return Optional.of(
                        new InvalidParameter(name, "Parameter names and values may not contain control characters"));
            }
        }
        return Optional.empty();
    }

    private static String decode(String raw) {
        try {
            return raw == null ? "" : UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /**
     * Whether {@code text} holds a control character other than a tab (which a pasted search may well hold); a
     * parameter without a value ({@code ?gemt}) holds none.
     */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
    }
}

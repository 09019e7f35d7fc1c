package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** JSON or XML, as the client asked with {@code _format} or {@code Accept}, or as its body says. */
enum FhirFormat {
    JSON(new MediaType("application", "fhir+json", StandardCharsets.UTF_8)),
    XML(new MediaType("application", "fhir+xml", StandardCharsets.UTF_8));

    /** The FHIR versions this server speaks, as a {@code fhirVersion} media type parameter names them. */
    private static final java.util.Set<String> VERSIONS = java.util.Set.of("4.0", "4.0.1");

    private final MediaType mediaType;

    FhirFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    IParser parser(FhirContext context) {
        return this == JSON ? context.newJsonParser() : context.newXmlParser();
    }

    /** The format to answer in: {@code _format} first, then {@code Accept}; JSON when either allows anything. */
    static FhirFormat forResponse(ServerHttpRequest request) {
        var format = request.getQueryParams().getFirst("_format");
        if (format != null) {
            return fromName(format)
                    .orElseThrow(() -> new FhirProblem(
                            HttpStatus.NOT_ACCEPTABLE,
                            "not-supported",
                            "_format=" + format + " is not supported: use json or xml",
                            "_format"));
        }
        List<MediaType> accepted =
                new java.util.ArrayList<>(request.getHeaders().getAccept());
        if (accepted.isEmpty()) {
            return JSON;
        }
        org.springframework.util.MimeTypeUtils.sortBySpecificity(accepted);
        for (var mediaType : accepted) {
            if (!speaksVersionOf(mediaType)) {
                continue;
            }
            var match = fromName(mediaType.getType() + "/" + mediaType.getSubtype());
            if (match.isPresent()) {
                return match.get();
            }
            if (mediaType.isWildcardType()
                    || mediaType.isWildcardSubtype() && "application".equals(mediaType.getType())) {
                return JSON;
            }
        }
        throw new FhirProblem(
                HttpStatus.NOT_ACCEPTABLE,
                "not-supported",
                "None of the accepted types " + request.getHeaders().getFirst(HttpHeaders.ACCEPT)
                        + " can be produced: use application/fhir+json or application/fhir+xml",
                null);
    }

    /** The format of a request body, from its Content-Type; 415 when it is neither JSON nor XML. */
    static FhirFormat ofBody(ServerHttpRequest request) {
        var contentType = request.getHeaders().getContentType();
        if (contentType == null) {
            throw new FhirProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "not-supported",
                    "A Content-Type is required: application/fhir+json or application/fhir+xml",
                    null);
        }
        var format = fromName(contentType.getType() + "/" + contentType.getSubtype())
                .orElseThrow(() -> new FhirProblem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "not-supported",
                        "Content-Type " + contentType
                                + " is not supported: use application/fhir+json or application/fhir+xml",
                        null));
        if (!speaksVersionOf(contentType)) {
            throw new FhirProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "not-supported",
                    "Content-Type " + contentType + ": this server speaks FHIR R4 only (fhirVersion=4.0)",
                    null);
        }
        var charset = contentType.getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
            throw new FhirProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "not-supported",
                    "Content-Type " + contentType + ": FHIR bodies are UTF-8 (charset=utf-8)",
                    null);
        }
        return format;
    }

    /** Whether a media type's {@code fhirVersion} parameter, if any, names R4. */
    private static boolean speaksVersionOf(MediaType mediaType) {
        var version = mediaType.getParameter("fhirVersion");
        return version == null || VERSIONS.contains(version.replace("\"", ""));
    }

    static boolean pretty(ServerHttpRequest request) {
        return "true".equals(request.getQueryParams().getFirst("_pretty"));
    }

    private static java.util.Optional<FhirFormat> fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "json", "application/json", "application/fhir+json", "application/json+fhir" ->
                java.util.Optional.of(JSON);
            case "xml", "application/xml", "application/fhir+xml", "application/xml+fhir", "text/xml" ->
                java.util.Optional.of(XML);
            default -> java.util.Optional.empty();
        };
    }
}

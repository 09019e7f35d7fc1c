package dk.trialport.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.util.IModelVisitor2;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into a resource: UTF-8 only, JSON or XML without a DOCTYPE, parsed strictly by HAPI and
 * checked by the R4 validator against the raw text (wrong JSON types, nulls, text or unknown elements in XML,
 * wrong namespace: 400); then validation against the R4 base definitions, the allowed reference targets and
 * Trialport's rules (422).
 */
@Component
class ResourceIntake {

    /** The body a resource was parsed from (user data on the resource). */
    private static final String TEXT = "trialport.text";
    /** The base validator's issues of a resource already validated from its text (user data on the resource). */
    private static final String BASE_ISSUES = "trialport.baseIssues";
    /** Set on a resource once it was validated held to its Trialport profile (user data). */
    static final String PROFILE_CHECKED = "trialport.profileChecked";

    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern LEAP_SECOND =
            Pattern.compile("T(\\d\\d):(\\d\\d):60(?:\\.\\d+)?(Z|([+-])(\\d\\d):(\\d\\d))?$");
    private static final Pattern ENTRY = Pattern.compile(
            "^Bundle\\.entry\\[(\\d+)](?:\\.resource(?:/\\*[^*]*\\*/)?" + "(?:\\.ofType\\([A-Za-z]+\\))?\\.?(.*))?$");
    /**
     * The validator resolves references inside a Bundle by the rules of documents and messages (every entry with a
     * fullUrl, relative references resolved within the Bundle); a transaction or batch resolves them against this
     * server and its entries' fullUrls, which {@link BundleProcessor#check} enforces. Those findings are left out.
     */
    private static final List<String> BUNDLE_RESOLUTION =
            List.of("bundle_bundle_", "bundle_entry_url_", "reference_ref_rel_unsolveable");

    private static final Pattern RELATIVE =
            Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/[A-Za-z0-9\\-.]{1,64})?");

    private final FhirContext context;
    private final FhirValidator validator;
    private final TrialportRules rules;

    ResourceIntake(FhirContext context, FhirValidator validator, TrialportRules rules) {
        this.context = context;
        this.validator = validator;
        this.rules = rules;
    }

    /** Reads and checks the structure of {@code body}; with {@code expectedType} the resource must be of that type. */
    Resource parse(byte[] body, ServerHttpRequest request, String expectedType) {
        var resource = read(body, request, expectedType);
        checkStructure(resource, true);
        return resource;
    }

    /**
     * Reads {@code body} without validating it (a transaction Bundle is first checked for its size and entries):
     * 400 unless it is UTF-8 JSON or XML (no DOCTYPE, no other encoding) that HAPI's strict parser accepts.
     */
    Resource read(byte[] body, ServerHttpRequest request, String expectedType) {
        if (body == null || body.length == 0) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "required", "The request has no body", null);
        }
        var format = FhirFormat.ofBody(request);
        var text = utf8(body);
        if (text.isBlank()) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "required", "The request has no body", null);
        }
        if (format == FhirFormat.XML) {
            checkXmlProlog(text);
        }
        var parser = format.parser(context).setParserErrorHandler(new StrictErrorHandler());
        Resource resource;
        try {
            resource = (Resource) parser.parseResource(text);
        } catch (RuntimeException e) {
            // HAPI's DataFormatException, and what malformed input makes its parser throw (NPE, ClassCastException)
            throw unreadable(e);
        }
        var type = resource.fhirType();
        if (expectedType != null && !expectedType.equals(type)) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    "The body is a " + type + " but the URL is for " + expectedType,
                    "resourceType");
        }
        resource.setUserData(TEXT, text);
        return resource;
    }

    /**
     * Validates the text the resource was read from: what breaks the JSON or XML rules of FHIR (and an instant that
     * does not exist) is 400. With {@code keepIssues} the other issues are kept for {@link #validate}, so the
     * resource (and each entry of a Bundle) is validated once.
     */
    void checkStructure(Resource resource, boolean keepIssues) {
        var text = (String) resource.getUserData(TEXT);
        if (text == null) {
            return;
        }
        List<SingleValidationMessage> messages;
        try {
            messages = validator
                    .validateWithResult(EntryProfiles.declared(resource, text), heldTo(resource))
                    .getMessages();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        var structure = new ArrayList<FhirProblem.Issue>();
        var others = new ArrayList<SingleValidationMessage>();
        for (var message : messages) {
            var severity = message.getSeverity();
            // The validator's parser reports broken structure without a message id; profile checks carry one.
            if (severity == ResultSeverityEnum.FATAL
                    || severity == ResultSeverityEnum.ERROR && message.getMessageId() == null) {
                structure.add(
                        new FhirProblem.Issue("error", "structure", message.getMessage(), message.getLocationString()));
            } else if (severity.ordinal() >= ResultSeverityEnum.WARNING.ordinal()
                    && !isBundleResolution(message)
                    && !TrialportRules.checks(message.getMessage())) {
                others.add(message);
            }
        }
        structure.addAll(impossibleInstants(resource));
        if (!structure.isEmpty()) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, structure);
        }
        if (keepIssues) {
            keep(resource, others);
        }
    }

    /** Validates; every error becomes an issue of one 422 answer. References must be relative (Type/id). */
    void validate(Resource resource) {
        validate(resource, false);
    }

    /** Validates; with {@code inTransaction} a reference may also be a {@code urn:uuid:} the transaction resolves. */
    void validate(Resource resource, boolean inTransaction) {
        var issues = new ArrayList<>(findIssues(resource));
        issues.addAll(referenceIssues(resource, inTransaction));
        var errors = issues.stream()
                .filter(issue ->
                        issue.severity().equals("error") || issue.severity().equals("fatal"))
                .toList();
        if (!errors.isEmpty()) {
            throw new FhirProblem(HttpStatus.UNPROCESSABLE_CONTENT, errors);
        }
    }

    /** The errors of a Bundle itself, apart from its entries' resources (each validated as its entry is processed): 422. */
    @SuppressWarnings("unchecked")
    void validateBundle(Bundle bundle) {
        var kept = (List<FhirProblem.Issue>) bundle.getUserData(BASE_ISSUES);
        var errors = kept == null
                ? List.<FhirProblem.Issue>of()
                : kept.stream()
                        .filter(issue -> issue.severity().equals("error")
                                || issue.severity().equals("fatal"))
                        .toList();
        if (!errors.isEmpty()) {
            throw new FhirProblem(HttpStatus.UNPROCESSABLE_CONTENT, errors);
        }
    }

    /** All issues of the base validation and Trialport's rules, warnings included ($validate). */
    @SuppressWarnings("unchecked")
    List<FhirProblem.Issue> findIssues(Resource resource) {
        var issues = new ArrayList<FhirProblem.Issue>();
        var kept = (List<FhirProblem.Issue>) resource.getUserData(BASE_ISSUES);
        if (kept != null) {
            issues.addAll(kept);
            issues.addAll(profileIssues(resource, kept));
        } else {
            for (SingleValidationMessage message :
                    validator.validateWithResult(resource, heldTo(resource)).getMessages()) {
                if (message.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal()
                        && !TrialportRules.checks(message.getMessage())) {
                    issues.add(issue(message, message.getLocationString()));
                }
            }
        }
        issues.addAll(rules.check(resource));
        return issues;
    }

    /**
     * A resource of a type Trialport profiles is held to that profile whether or not it declares it in {@code
     * meta.profile}, as it will be served declaring it: the validator checks it against the profile as well.
     */
    private static ValidationOptions heldTo(Resource resource) {
        var options = new ValidationOptions();
        var profile = TrialportProfile.PROFILE_OF.get(resource.fhirType());
        if (profile != null && !resource.getMeta().hasProfile(profile)) {
            options.addProfile(profile);
        }
        resource.setUserData(PROFILE_CHECKED, Boolean.TRUE);
        return options;
    }

    /**
     * The profile's issues of an entry of a Bundle that does not declare the profile: the Bundle's text was validated
     * as a whole, where only declared profiles count, so such an entry is validated once more, held to its profile.
     * Only issues the Bundle's validation did not already report are added.
     */
    private List<FhirProblem.Issue> profileIssues(Resource resource, List<FhirProblem.Issue> kept) {
        var profile = TrialportProfile.PROFILE_OF.get(resource.fhirType());
        if (profile == null
                || resource.getMeta().hasProfile(profile)
                || Boolean.TRUE.equals(resource.getUserData(PROFILE_CHECKED))) {
            return List.of();
        }
        var known = kept.stream().map(FhirProblem.Issue::message).collect(Collectors.toSet());
        var issues = new ArrayList<FhirProblem.Issue>();
        for (var message :
                validator.validateWithResult(resource, heldTo(resource)).getMessages()) {
            if (message.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal()
                    && !isBundleResolution(message)
                    && !TrialportRules.checks(message.getMessage())
                    && !known.contains(message.getMessage())) {
                issues.add(issue(message, message.getLocationString()));
            }
        }
        return issues;
    }

    /**
     * References must be relative ({@code Type/id}, or {@code #id} to a contained resource) and of a type the
     * element allows: no absolute URLs, no other schemes ({@code javascript:}, {@code file:}), no bare ids.
     */
    List<FhirProblem.Issue> referenceIssues(Resource resource, boolean inTransaction) {
        var issues = new ArrayList<FhirProblem.Issue>();
        context.newTerser().visit(resource, new IModelVisitor2() {
            @Override
            public boolean acceptElement(
                    IBase element,
                    List<IBase> containing,
                    List<BaseRuntimeChildDefinition> children,
                    List<BaseRuntimeElementDefinition<?>> elements) {
                if (element instanceof Reference reference && reference.hasReference()) {
                    var path = resource.fhirType()
                            + children.stream()
                                    .map(BaseRuntimeChildDefinition::getElementName)
                                    .collect(Collectors.joining(".", ".", ""));
                    var allowed = children.isEmpty() ? List.<String>of() : allowedTypes(children.getLast());
                    var problem = referenceProblem(reference.getReference(), allowed, inTransaction);
                    if (problem != null) {
                        issues.add(new FhirProblem.Issue(
                                "error",
                                "invalid",
                                "Reference " + reference.getReference() + " at " + path + ": " + problem,
                                path));
                    }
                }
                return true;
            }
        });
        return issues;
    }

    /** Why a reference is refused, or null when it is allowed. */
    private String referenceProblem(String reference, List<String> allowed, boolean inTransaction) {
        if (reference.startsWith("#")) {
            return null;
        }
        if (reference.startsWith("urn:uuid:") || reference.startsWith("urn:oid:")) {
            return inTransaction
                    ? null
                    : "a " + reference.substring(0, 8) + " reference is resolved only inside a "
                            + "transaction Bundle, to the entry with that fullUrl";
        }
        Matcher relative = RELATIVE.matcher(reference);
        if (!relative.matches()) {
            return "references must be relative, Type/id, to a resource on this server";
        }
        var type = relative.group(1);
        if (!allowed.isEmpty() && !allowed.contains(type)) {
            return "it must point to " + String.join(" or ", allowed) + ", not " + type;
        }
        if (allowed.isEmpty() && !context.getResourceTypes().contains(type)) {
            return type + " is not an R4 resource type";
        }
        return null;
    }

    /** The resource types a reference element allows; empty for any (Resource, or an extension's value). */
    private List<String> allowedTypes(BaseRuntimeChildDefinition child) {
        if (!(child instanceof RuntimeChildResourceDefinition resourceChild)) {
            return List.of();
        }
        var types = new ArrayList<String>();
        for (var type : resourceChild.getResourceTypes()) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                return List.of();
            }
            types.add(context.getResourceType(type));
        }
        return types;
    }

    /** The issues the base validator found in the text, on the resource or, for a Bundle, on each entry's resource. */
    private void keep(Resource resource, List<SingleValidationMessage> messages) {
        var own = new ArrayList<FhirProblem.Issue>();
        var entries = resource instanceof Bundle bundle ? bundle.getEntry() : List.<Bundle.BundleEntryComponent>of();
        Map<Integer, List<FhirProblem.Issue>> byEntry = new HashMap<>();
        for (var message : messages) {
            var location = message.getLocationString() == null ? "" : message.getLocationString();
            var entry = ENTRY.matcher(location);
            if (entry.matches()
                    && Integer.parseInt(entry.group(1)) < entries.size()
                    && entries.get(Integer.parseInt(entry.group(1))).getResource() != null) {
                int index = Integer.parseInt(entry.group(1));
                var type = entries.get(index).getResource().fhirType();
                // an issue of the entry itself (not of its resource) has no expression in the resource: located to the
                // entry
                var expression =
                        entry.group(2) == null ? null : entry.group(2).isEmpty() ? type : type + "." + entry.group(2);
                byEntry.computeIfAbsent(index, i -> new ArrayList<>()).add(issue(message, expression));
            } else {
                own.add(issue(message, message.getLocationString()));
            }
        }
        resource.setUserData(BASE_ISSUES, own);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() != null) {
                entries.get(i).getResource().setUserData(BASE_ISSUES, byEntry.getOrDefault(i, List.of()));
            }
        }
    }

    private static boolean isBundleResolution(SingleValidationMessage message) {
        var id = message.getMessageId() == null ? "" : message.getMessageId().toLowerCase(Locale.ROOT);
        return BUNDLE_RESOLUTION.stream().anyMatch(id::startsWith);
    }

    /** HAPI's own message where it has one; other exceptions of a parser mean a value where FHIR wants another shape. */
    private static FhirProblem unreadable(RuntimeException e) {
        var message = e instanceof ca.uhn.fhir.parser.DataFormatException && e.getMessage() != null
                ? e.getMessage()
                : "an element has the wrong shape (a string, number or null where FHIR expects an object or array)";
        return new FhirProblem(
                HttpStatus.BAD_REQUEST, "structure", "The body is not a valid FHIR R4 resource: " + message, null);
    }

    private static FhirProblem.Issue issue(SingleValidationMessage message, String expression) {
        return new FhirProblem.Issue(message.getSeverity().getCode(), "invariant", message.getMessage(), expression);
    }

    /** Refuses bodies that are not UTF-8: a latin-1 or broken byte would otherwise be stored mangled. */
    private static String utf8(byte[] body) {
        try {
            var text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "structure",
                    "The body is not valid UTF-8, the only encoding " + "FHIR allows",
                    null);
        }
    }

    /** No DOCTYPE (no DTD, no entities: nothing to fetch or expand) and no encoding but UTF-8. */
    private static void checkXmlProlog(String text) {
        if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, "security", "A DOCTYPE is not allowed in FHIR XML", null);
        }
        var encoding = XML_ENCODING.matcher(text);
        if (encoding.find() && !encoding.group(1).equalsIgnoreCase("UTF-8")) {
            throw new FhirProblem(
                    HttpStatus.BAD_REQUEST,
                    "structure",
                    "The XML declares encoding " + encoding.group(1) + "; FHIR XML is UTF-8",
                    null);
        }
    }

    /** Dates and instants the parser let through: a leap second exists only at 23:59:60 UTC. */
    private List<FhirProblem.Issue> impossibleInstants(Resource resource) {
        var issues = new ArrayList<FhirProblem.Issue>();
        for (var value : context.newTerser().getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
            var text = value.getValueAsString();
            var leap = text == null ? null : LEAP_SECOND.matcher(text);
            if (leap != null && leap.find()) {
                int minutes = Integer.parseInt(leap.group(1)) * 60 + Integer.parseInt(leap.group(2));
                if (leap.group(4) != null) {
                    int offset = Integer.parseInt(leap.group(5)) * 60 + Integer.parseInt(leap.group(6));
                    minutes -= leap.group(4).equals("+") ? offset : -offset;
                }
                if (Math.floorMod(minutes, 24 * 60) != 23 * 60 + 59) {
                    issues.add(new FhirProblem.Issue(
                            "error",
                            "value",
                            text + " is not a valid instant: second 60 exists only "
                                    + "as a leap second at 23:59:60 UTC",
                            null));
                }
            }
        }
        return issues;
    }
}

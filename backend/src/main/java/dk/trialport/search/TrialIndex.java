package dk.trialport.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.JsonData;
import dk.trialport.platform.Singletons;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trial index behind its alias: versioned indices made from {@code search/trials-v1.json}, written
 * in bulk, swapped atomically when rebuilt.
 */
@Component
class TrialIndex {

    private static final Logger log = LoggerFactory.getLogger(TrialIndex.class);
    private static final String DEFINITION = "/search/trials-v1.json";
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** What shapes a document: the index definition, the postal codes and the vocabulary (its fingerprint). */
    private static final List<String> DEFINED_BY = List.of(DEFINITION, "/search/postal-codes.tsv");

    private final ElasticsearchClient client;
    private final Singletons singletons;
    private final String alias;
    private final String definition;

    TrialIndex(
            ElasticsearchClient client,
            Singletons singletons,
            SearchProperties properties,
            ConditionVocabulary vocabulary) {
        this.client = client;
        this.singletons = singletons;
        this.alias = properties.alias();
        this.definition = definitionHash(vocabulary.fingerprint());
    }

    /** Whether the index behind the alias was built from today's definition, vocabulary and postal codes. */
    boolean isCurrent() throws IOException {
        var mappings = client.indices().getMapping(m -> m.index(alias)).mappings();
        return mappings.values().stream()
                .allMatch(index -> index.mappings().meta() != null
                        && index.mappings().meta().get("definition") != null
                        && definition.equals(
                                index.mappings().meta().get("definition").to(String.class)));
    }

    String definition() {
        return definition;
    }

    String alias() {
        return alias;
    }

    /**
     * Creates the first index and points the alias at it, unless the alias exists. Under a PostgreSQL advisory lock
     * ({@link Singletons}), so the indexer and the definition check of one instance, or several instances starting
     * together, make one index between them: without it each could see no alias, make its own index, and leave the
     * alias on two indices, which no write can go to.
     */
    void ensureExists() throws IOException {
        if (aliasExists()) {
            return;
        }
        try {
            singletons.waitAndRunAlone("search-index-alias " + alias, () -> {
                if (!aliasExists()) {
                    createBehindAlias();
                }
                return true;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean aliasExists() throws IOException {
        return client.indices().existsAlias(a -> a.name(alias)).value();
    }

    private void createBehindAlias() throws IOException {
        var name = create();
        try {
            client.indices()
                    .updateAliases(
                            u -> u.actions(a -> a.add(add -> add.index(name).alias(alias))));
            log.info("Created search index {} behind alias {}", name, alias);
        } catch (ElasticsearchException e) {
            client.indices().delete(d -> d.index(name));
            throw e;
        }
    }

    /** A new, empty versioned index, not yet behind the alias. */
    String create() throws IOException {
        var name = alias + "-v1-" + SUFFIX.format(Instant.now());
        try (InputStream definition = TrialIndex.class.getResourceAsStream(DEFINITION)) {
            if (definition == null) {
                throw new IllegalStateException(DEFINITION + " is missing");
            }
            client.indices().create(c -> c.index(name).withJson(definition));
        }
        client.indices().putMapping(m -> m.index(name).meta("definition", JsonData.of(this.definition)));
        return name;
    }

    /** Points the alias at {@code index} alone, in one step, and deletes the indices it pointed at before. */
    void swapTo(String index) throws IOException {
        var previous = client.indices().existsAlias(a -> a.name(alias)).value()
                ? List.copyOf(
                        client.indices().getAlias(a -> a.name(alias)).aliases().keySet())
                : List.<String>of();
        client.indices().updateAliases(u -> {
            previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
        });
        for (var old : previous) {
            if (!old.equals(index)) {
                client.indices().delete(d -> d.index(old));
            }
        }
        log.info("Alias {} now points at {} (was {})", alias, index, previous);
    }

    /**
     * Writes documents and removes ids in one bulk request to {@code target}; fails when any item failed.
     * Writing to the alias requires it to exist, so a missing alias never auto-creates an unmapped index.
     */
    void write(String target, List<TrialDocument> documents, List<String> removed) throws IOException {
        if (documents.isEmpty() && removed.isEmpty()) {
            return;
        }
        var bulk = new BulkRequest.Builder().index(target).requireAlias(target.equals(alias));
        documents.forEach(doc ->
                bulk.operations(op -> op.index(i -> i.id(doc.id()).document(doc))));
        removed.forEach(id -> bulk.operations(op -> op.delete(d -> d.id(id))));
        var response = client.bulk(bulk.build());
        if (response.errors()) {
            var failures = response.items().stream()
                    .filter(item -> item.error() != null && !isMissingDelete(item))
                    .map(item -> item.id() + ": " + item.error().reason())
                    .toList();
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " of "
                        + response.items().size() + " index operations failed, first: " + failures.get(0));
            }
        }
    }

    void refresh(String target) throws IOException {
        client.indices().refresh(r -> r.index(target));
    }

    private static String definitionHash(String vocabulary) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(vocabulary.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (var resource : DEFINED_BY) {
                try (InputStream in = TrialIndex.class.getResourceAsStream(resource)) {
                    if (in != null) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot read the index definition", e);
        }
    }

    private static boolean isMissingDelete(BulkResponseItem item) {
        return item.status() == 404 && item.operationType() == OperationType.Delete;
    }
}

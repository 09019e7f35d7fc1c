package dk.trialport.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of search ({@code trialport.search.*}).
 *
 * @param alias the name searches use; it points at the current versioned index
 * @param indexing whether this instance feeds the index from the catalogue's outbox
 * @param batchSize how many changes the indexer takes at a time
 * @param idlePoll how long the indexer waits when there was nothing to do
 * @param maxBackoff the longest wait between tries while Elasticsearch is unreachable
 * @param defaultDistanceKm the radius used when a place is given without a distance
 * @param lease how long a batch the indexer claimed stays its own: when an instance dies while indexing, another
 *     takes the batch over after this time (a batch indexed twice does no harm)
 * @param terminology a directory holding the national terminology the condition vocabulary is built from at start
 *     ({@code sks-codes.tsv}, {@code mesh-disease-descriptors.tsv}, as in {@code ../shared/data/terminology}); empty or
 *     absent: the project's own vocabulary alone
 */
@ConfigurationProperties("trialport.search")
public record SearchProperties(
        @DefaultValue("trials") String alias,
        @DefaultValue("true") boolean indexing,
        @DefaultValue("200") int batchSize,
        @DefaultValue("250ms") Duration idlePoll,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("50") int defaultDistanceKm,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("") String terminology) {}

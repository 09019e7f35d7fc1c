package dk.trialport.benchmark.peer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The few settings of the peer that differ from HAPI's defaults, each with its reason.
 *
 * @param allowExternalReferences off in HAPI by default; kept off
 * @param defaultPageSize HAPI's default page size for searches without {@code _count} (20)
 */
@ConfigurationProperties("peer")
public record PeerProperties(
        @DefaultValue("false") boolean allowExternalReferences,
        @DefaultValue("20") int defaultPageSize) {}

package dk.trialport.catalogue;

import java.time.Instant;

/**
 * The typed projection of a site (a Location where a trial runs) that search and pages read.
 *
 * @param hospital the hospital the department belongs to, as far as the resource tells
 * @param region the Danish region, when the address names one
 * @param latitude null when the resource gives no position
 */
public record Site(
        String id,
        int version,
        Instant lastUpdated,
        String name,
        String hospital,
        String line,
        String postalCode,
        String city,
        String region,
        String country,
        Double latitude,
        Double longitude) {

    public boolean hasPosition() {
        return latitude != null && longitude != null;
    }
}

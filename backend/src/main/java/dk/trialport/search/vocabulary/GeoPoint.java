package dk.trialport.search.vocabulary;

/** A point on the earth in WGS 84 degrees. */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("Not a point on the earth: " + lat + ", " + lon);
        }
    }

    /** The great-circle distance in kilometres (haversine). */
    public double distanceKm(GeoPoint other) {
        var dLat = Math.toRadians(other.lat - lat);
        var dLon = Math.toRadians(other.lon - lon);
        var a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

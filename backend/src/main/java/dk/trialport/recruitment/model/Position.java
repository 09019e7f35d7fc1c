package dk.trialport.recruitment.model;

/** A place on the earth in WGS 84 degrees, as matching measures travel distance. */
public record Position(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE_LAT = 111.2;

    /** The great-circle distance in kilometres (haversine). */
    public double distanceKm(Position other) {
        var dLat = Math.toRadians(other.lat - lat);
        var dLon = Math.toRadians(other.lon - lon);
        var a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Whether {@code other} lies inside the box of ±km around this place: a cheap test before the exact one. */
    public boolean inBox(Position other, double km) {
        var dLat = km / KM_PER_DEGREE_LAT;
        var dLon = km / (KM_PER_DEGREE_LAT * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return Math.abs(other.lat - lat) <= dLat && Math.abs(other.lon - lon) <= dLon;
    }
}

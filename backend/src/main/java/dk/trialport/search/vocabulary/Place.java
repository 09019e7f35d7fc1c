package dk.trialport.search.vocabulary;

/** Where a Danish postal code is: the code asked for, its town, its region and the approximate centroid. */
public record Place(String postalCode, String town, String region, GeoPoint point) {}

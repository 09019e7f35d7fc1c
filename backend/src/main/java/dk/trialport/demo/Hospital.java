package dk.trialport.demo;

import java.util.List;

/**
 * A Danish hospital with its region, address and approximate position.
 *
 * @param slug a stable key for identifiers
 */
record Hospital(String slug, String name, String region, String street, String postalCode, String city,
    double latitude, double longitude) {

  static final List<Hospital> ALL = List.of(
      new Hospital("rh", "Rigshospitalet", "Region Hovedstaden", "Blegdamsvej 9", "2100", "København Ø", 55.6960, 12.5683),
      new Hospital("herlev", "Herlev Hospital", "Region Hovedstaden", "Borgmester Ib Juuls Vej 1", "2730", "Herlev", 55.7310, 12.4430),
      new Hospital("bispebjerg", "Bispebjerg Hospital", "Region Hovedstaden", "Bispebjerg Bakke 23", "2400", "København NV", 55.7130, 12.5410),
      new Hospital("hvidovre", "Hvidovre Hospital", "Region Hovedstaden", "Kettegård Allé 30", "2650", "Hvidovre", 55.6490, 12.4730),
      new Hospital("hilleroed", "Nordsjællands Hospital", "Region Hovedstaden", "Dyrehavevej 29", "3400", "Hillerød", 55.9270, 12.2960),
      new Hospital("suh", "Sjællands Universitetshospital", "Region Sjælland", "Sygehusvej 10", "4000", "Roskilde", 55.6300, 12.0800),
      new Hospital("holbaek", "Holbæk Sygehus", "Region Sjælland", "Smedelundsgade 60", "4300", "Holbæk", 55.7100, 11.7000),
      new Hospital("naestved", "Næstved Sygehus", "Region Sjælland", "Ringstedgade 61", "4700", "Næstved", 55.2300, 11.7700),
      new Hospital("ouh", "Odense Universitetshospital", "Region Syddanmark", "J. B. Winsløws Vej 4", "5000", "Odense C", 55.3850, 10.3700),
      new Hospital("vejle", "Sygehus Lillebælt, Vejle", "Region Syddanmark", "Beriderbakken 4", "7100", "Vejle", 55.7100, 9.5300),
      new Hospital("esbjerg", "Sydvestjysk Sygehus", "Region Syddanmark", "Finsensgade 35", "6700", "Esbjerg", 55.4800, 8.4600),
      new Hospital("aabenraa", "Sygehus Sønderjylland", "Region Syddanmark", "Kresten Philipsens Vej 15", "6200", "Aabenraa", 55.0400, 9.4100),
      new Hospital("auh", "Aarhus Universitetshospital", "Region Midtjylland", "Palle Juul-Jensens Boulevard 99", "8200", "Aarhus N", 56.1900, 10.1700),
      new Hospital("goedstrup", "Regionshospitalet Gødstrup", "Region Midtjylland", "Hospitalsparken 15", "7400", "Herning", 56.1500, 8.8900),
      new Hospital("randers", "Regionshospitalet Randers", "Region Midtjylland", "Skovlyvej 15", "8930", "Randers NØ", 56.4700, 10.0600),
      new Hospital("viborg", "Regionshospitalet Viborg", "Region Midtjylland", "Heibergs Allé 2", "8800", "Viborg", 56.4500, 9.4000),
      new Hospital("aauh", "Aalborg Universitetshospital", "Region Nordjylland", "Hobrovej 18-22", "9000", "Aalborg", 57.0500, 9.9300),
      new Hospital("hjoerring", "Regionshospital Nordjylland, Hjørring", "Region Nordjylland", "Bispensgade 37", "9800", "Hjørring", 57.4600, 9.9800),
      new Hospital("thisted", "Regionshospital Nordjylland, Thisted", "Region Nordjylland", "Højtoftevej 2", "7700", "Thisted", 56.9600, 8.7000));
}

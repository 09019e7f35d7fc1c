package dk.trialport.search.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The postal code centroids: where codes are, and that the file is plausible. */
class PostalCodesTest {

    private static final PostalCodes POSTAL_CODES = PostalCodes.load();
    private static final GeoPoint RIGSHOSPITALET = new GeoPoint(55.696, 12.568);
    private static final GeoPoint AARHUS_UNIVERSITY_HOSPITAL = new GeoPoint(56.19, 10.17);

    private static Place find(String code) {
        return POSTAL_CODES.find(code).orElseThrow(() -> new AssertionError("no place for " + code));
    }

    @Test
    void copenhagenOIsNearRigshospitalet() {
        var place = find("2100");

        assertThat(place.town()).isEqualTo("København Ø");
        assertThat(place.region()).isEqualTo("Region Hovedstaden");
        assertThat(place.point().distanceKm(RIGSHOSPITALET)).isLessThan(3);
    }

    @Test
    void aarhusNIsNearAarhusUniversityHospital() {
        assertThat(find("8200").point().distanceKm(AARHUS_UNIVERSITY_HOSPITAL)).isLessThan(5);
    }

    @Test
    void mainTownsAreFoundWithTheirRegions() {
        assertThat(find("9000").town()).isEqualTo("Aalborg");
        assertThat(find("9000").region()).isEqualTo("Region Nordjylland");
        assertThat(find("5000").town()).isEqualTo("Odense C");
        assertThat(find("5000").region()).isEqualTo("Region Syddanmark");
        assertThat(find("4000").region()).isEqualTo("Region Sjælland");
        assertThat(find("8000").region()).isEqualTo("Region Midtjylland");
        assertThat(find("1620").town()).isEqualTo("København V");
        assertThat(find(" 2730 ").town()).isEqualTo("Herlev");
        assertThat(find("2730").postalCode()).isEqualTo("2730");
    }

    @Test
    void aCodeBetweenRowsFallsBackToTheNearestLowerRowOfTheSameThousand() {
        assertThat(find("8100").town()).isEqualTo("Aarhus C");
        assertThat(find("8100").postalCode()).isEqualTo("8100");
        assertThat(find("9999").town()).isEqualTo("Skagen");
        assertThat(POSTAL_CODES.find("0700")).isEmpty();
        assertThat(POSTAL_CODES.find("3900")).as("Greenland").isEmpty();
        assertThat(POSTAL_CODES.find("3800")).as("the Faroe Islands").isEmpty();
    }

    @Test
    void whatIsNoPostalCodeIsNotFound() {
        assertThat(POSTAL_CODES.find("abcd")).isEmpty();
        assertThat(POSTAL_CODES.find("")).isEmpty();
        assertThat(POSTAL_CODES.find(null)).isEmpty();
        assertThat(POSTAL_CODES.find("12345")).isEmpty();
        assertThat(POSTAL_CODES.find("210")).isEmpty();
    }

    @Test
    void copenhagenToAarhusIsAbout155Kilometres() {
        assertThat(find("1000").point().distanceKm(find("8000").point())).isCloseTo(155, within(15.0));
        assertThat(RIGSHOSPITALET.distanceKm(RIGSHOSPITALET)).isZero();
    }

    @Test
    void everyRowLiesInDenmarkAndNoRangesOverlap() {
        var rows = POSTAL_CODES.rows();
        assertThat(rows).hasSizeGreaterThan(200).allSatisfy(row -> {
            assertThat(row.point().lat()).as(row.town()).isBetween(54.5, 57.8);
            assertThat(row.point().lon()).as(row.town()).isBetween(8.0, 15.2);
            assertThat(row.from()).as(row.town()).isBetween(800, 9990).isLessThanOrEqualTo(row.to());
            assertThat(PostalCodes.REGIONS).contains(row.region());
        });
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).from())
                    .as(rows.get(i).town())
                    .isGreaterThan(rows.get(i - 1).to());
        }
    }

    @Test
    void aMalformedOrOverlappingLineFailsWithItsLineNumber() {
        var badRegion = "# postal codes\n1000\t1499\tKøbenhavn K\tRegion Skåne\t55.68\t12.58\n";
        var overlap = "1000\t1499\tKøbenhavn K\tRegion Hovedstaden\t55.68\t12.58\n"
                + "1400\t1799\tKøbenhavn V\tRegion Hovedstaden\t55.67\t12.55\n";
        var badNumber = "1000\t1499\tKøbenhavn K\tRegion Hovedstaden\tnorth\t12.58\n";

        assertThatThrownBy(() -> PostalCodes.parse(new StringReader(badRegion))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PostalCodes.parse(new StringReader(overlap)))
                .hasMessageContaining("line 2")
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> PostalCodes.parse(new StringReader(badNumber))).hasMessageContaining("line 1");
    }
}

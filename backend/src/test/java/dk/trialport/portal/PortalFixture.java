package dk.trialport.portal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dk.trialport.catalogue.CatalogueStore;
import dk.trialport.catalogue.Outbox;
import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.fhir.TrialportFhir.TrialIdentifier;
import dk.trialport.support.Eventually;
import dk.trialport.support.FhirClients;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialBuilder.Hospital;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Trials the page tests (and the clinician app's) publish through the FHIR API, as a hospital system would, and wait
 * for in the index.
 */
public final class PortalFixture {

    static final String PROTOCOL_PREFIX = "PORTAL-";

    public static final Hospital AUH = new Hospital(
            "auh",
            "Aarhus Universitetshospital, Steno Diabetes Center",
            "Steno Diabetes Center Aarhus",
            "Palle Juul-Jensens Boulevard 11",
            "8200",
            "Aarhus N",
            "Region Midtjylland",
            56.19,
            10.17);
    public static final Hospital RH = new Hospital(
            "rh",
            "Rigshospitalet, Onkologisk Klinik",
            "Onkologisk Klinik",
            "Blegdamsvej 9",
            "2100",
            "København Ø",
            "Region Hovedstaden",
            55.696,
            12.5683);

    /**
     * One trial. {@code healthy} null: the eligibility does not say; {@code eligibility} false: no eligibility
     * group at all.
     */
    public record Spec(
            String key,
            String titleDa,
            String titleEn,
            String condition,
            String code,
            Integer minAge,
            Integer maxAge,
            String sex,
            Boolean healthy,
            boolean eligibility,
            String criteria,
            List<String[]> identifiers,
            Hospital site,
            String status) {

        /** A trial open for recruitment. */
        public Spec(
                String key,
                String titleDa,
                String titleEn,
                String condition,
                String code,
                Integer minAge,
                Integer maxAge,
                String sex,
                Boolean healthy,
                boolean eligibility,
                String criteria,
                List<String[]> identifiers,
                Hospital site) {
            this(
                    key,
                    titleDa,
                    titleEn,
                    condition,
                    code,
                    minAge,
                    maxAge,
                    sex,
                    healthy,
                    eligibility,
                    criteria,
                    identifiers,
                    site,
                    "recruiting");
        }
    }

    public static final String CRITERIA =
            "Inclusion criteria:\n\n- Type 2 diabetes for at least 1 year\n- HbA1c above 53\n\n"
                    + "Exclusion criteria:\n\n1. Pregnancy\n2. <b>Severe</b> kidney disease";

    public static final Spec T2D = new Spec(
            "t2d",
            "Ugentlig medicin til voksne med type 2-diabetes",
            "Weekly medicine for adults with type 2 diabetes",
            "Type 2 diabetes",
            "DE11",
            18,
            75,
            null,
            false,
            true,
            CRITERIA,
            List.of(
                    new String[] {TrialIdentifier.NCT, "NCT01234567"},
                    new String[] {TrialIdentifier.EU_CT, "2024-512345-12-00"},
                    new String[] {TrialIdentifier.EUDRACT, "2019-001234-56"}),
            AUH);
    static final Spec SCRIPT = new Spec(
            "script",
            "Kost <script>alert(1)</script> ved type 2-diabetes",
            "Diet <script>alert(1)</script> in type 2 diabetes",
            "Type 2 diabetes",
            "DE11",
            30,
            null,
            null,
            null,
            true,
            null,
            List.of(),
            AUH);
    static final Spec T1D = new Spec(
            "t1d",
            "Automatisk insulinpumpe ved type 1-diabetes",
            "Closed-loop insulin pump for type 1 diabetes",
            "Diabetes Mellitus, Type 1",
            "DE10",
            18,
            null,
            null,
            false,
            true,
            null,
            List.of(),
            AUH);
    static final Spec BREAST = new Spec(
            "breast",
            "Immunterapi før operation for brystkræft",
            "Immunotherapy before surgery for breast cancer",
            "Breast cancer",
            "DC50",
            18,
            null,
            "female",
            false,
            true,
            null,
            List.of(),
            RH);
    static final Spec UNSTATED = new Spec(
            "unstated",
            "Hjemmemåling ved hjertesvigt",
            "Home monitoring in heart failure",
            "Heart failure",
            "DI50",
            null,
            null,
            null,
            null,
            false,
            null,
            List.of(),
            RH);

    static final Spec COMPLETED = new Spec(
            "completed",
            "Afsluttet forsøg med kost ved gigt",
            "A finished diet trial in arthritis",
            "Rheumatoid arthritis",
            "DM05",
            18,
            null,
            null,
            false,
            true,
            null,
            List.of(),
            RH,
            "completed");

    static final List<Spec> CATALOGUE = List.of(T2D, SCRIPT, T1D, BREAST, UNSTATED, COMPLETED);

    private PortalFixture() {}

    public static void publish(int port, String issuer, List<Spec> specs) {
        var client = FhirClients.hospital(port, issuer, FhirClients.ALL_SCOPES);
        specs.forEach(spec -> client.transaction().withBundle(transaction(spec)).execute());
    }

    /** Waits until the indexer has taken every change, then makes the index show them. */
    public static void awaitIndexed(Outbox outbox, ElasticsearchClient elasticsearch) {
        Eventually.await(() -> outbox.backlog("trial-indexer").block() == 0, "the indexer catches up");
        try {
            elasticsearch.indices().refresh(r -> r.index("trials"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue id of a published fixture trial. */
    public static String id(CatalogueStore store, Spec spec) {
        return store.idsByIdentifier("ResearchStudy", TrialIdentifier.LOCAL_PROTOCOL, PROTOCOL_PREFIX + spec.key())
                .blockFirst();
    }

    static Bundle transaction(Spec spec) {
        var trial = TrialBuilder.trial(PROTOCOL_PREFIX + spec.key())
                .titled("A trial of " + spec.titleEn())
                .described("Participants are followed for 12 months.")
                .plainTitle(spec.titleEn(), spec.titleDa())
                .summary(
                        "This trial is about " + spec.condition().toLowerCase() + ". You visit the hospital 4 times.",
                        "Forsøget handler om " + spec.titleDa().toLowerCase() + ". Du kommer på hospitalet 4 gange.")
                .status(spec.status())
                .condition(spec.condition(), CodeSystems.SKS_DIAGNOSES, spec.code())
                .ages(spec.minAge(), spec.maxAge())
                .sex(spec.sex())
                .healthyVolunteers(spec.healthy())
                .criteria(spec.criteria())
                .at(spec.site());
        spec.identifiers().forEach(identifier -> trial.identifier(identifier[0], identifier[1]));
        if (!spec.eligibility()) {
            trial.withoutEligibility();
        }
        return trial.transaction();
    }
}

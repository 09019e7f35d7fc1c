package dk.trialport.search;

import dk.trialport.fhir.TrialportFhir.CodeSystems;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialBuilder.Hospital;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The fixture catalogue the search tests judge queries against: Danish trials with lay titles in both
 * languages, coded conditions, eligibility and sites at real hospitals, each a transaction Bundle.
 */
final class SearchFixture {

    static final Hospital RIGSHOSPITALET = TrialBuilder.COPENHAGEN;
    static final Hospital HERLEV = new Hospital(
            "herlev",
            "Herlev Hospital, Kirurgisk Afdeling",
            null,
            "Hospitalsvej 1",
            "2730",
            "Herlev",
            "Region Hovedstaden",
            55.7310,
            12.4430);
    static final Hospital HVIDOVRE = new Hospital(
            "hvidovre",
            "Hvidovre Hospital, Lungemedicinsk Afdeling",
            null,
            "Hospitalsvej 1",
            "2650",
            "Hvidovre",
            "Region Hovedstaden",
            55.6490,
            12.4730);
    static final Hospital OUH = new Hospital(
            "ouh",
            "Odense Universitetshospital, Reumatologisk Afdeling",
            null,
            "Hospitalsvej 1",
            "5000",
            "Odense C",
            "Region Syddanmark",
            55.3850,
            10.3700);
    static final Hospital AUH = TrialBuilder.AARHUS;
    static final Hospital AAUH = new Hospital(
            "aauh",
            "Aalborg Universitetshospital, Lungemedicinsk Afdeling",
            null,
            "Hospitalsvej 1",
            "9000",
            "Aalborg",
            "Region Nordjylland",
            57.0500,
            9.9300);

    /** One fixture trial. */
    record Spec(
            String key,
            String titleEn,
            String titleDa,
            String condition,
            String system,
            String code,
            String status,
            Integer minAge,
            Integer maxAge,
            String sex,
            boolean healthy,
            boolean decentralized,
            String start,
            List<Hospital> sites) {}

    static final List<Spec> CATALOGUE = List.of(
            new Spec(
                    "t2d",
                    "Weekly semaglutide for adults with type 2 diabetes",
                    "Ugentlig semaglutid til voksne med type 2-diabetes",
                    "Type 2 diabetes",
                    CodeSystems.SKS_DIAGNOSES,
                    "DE11",
                    "recruiting",
                    18,
                    75,
                    null,
                    false,
                    false,
                    "2025-03-01",
                    List.of(AUH)),
            new Spec(
                    "t1d",
                    "Closed-loop insulin pump for type 1 diabetes",
                    "Automatisk insulinpumpe ved type 1-diabetes",
                    "Diabetes Mellitus, Type 1",
                    CodeSystems.SKS_DIAGNOSES,
                    "DE10",
                    "recruiting",
                    18,
                    null,
                    null,
                    false,
                    true,
                    "2025-09-01",
                    List.of(OUH)),
            new Spec(
                    "breast",
                    "Immunotherapy before surgery for breast cancer",
                    "Immunterapi før operation for brystkræft",
                    "Breast Cancer",
                    CodeSystems.MESH,
                    "D001943",
                    "recruiting",
                    18,
                    null,
                    "female",
                    false,
                    false,
                    "2024-06-01",
                    List.of(RIGSHOSPITALET)),
            new Spec(
                    "nsclc",
                    "Targeted treatment of non-small cell lung cancer",
                    "Målrettet behandling af ikke-småcellet lungekræft",
                    "Non-small Cell Lung Cancer",
                    CodeSystems.MESH,
                    "D002289",
                    "recruiting",
                    18,
                    null,
                    null,
                    false,
                    false,
                    "2025-01-01",
                    List.of(AAUH, RIGSHOSPITALET)),
            new Spec(
                    "colon",
                    "Shorter chemotherapy after surgery for colon cancer",
                    "Kortere kemoterapi efter operation for tyktarmskræft",
                    "Colon cancer",
                    CodeSystems.SKS_DIAGNOSES,
                    "DC18",
                    "recruiting",
                    50,
                    75,
                    null,
                    false,
                    false,
                    "2024-01-01",
                    List.of(HERLEV)),
            new Spec(
                    "prostate",
                    "Radiotherapy in fewer sessions for prostate cancer",
                    "Strålebehandling på færre gange ved prostatakræft",
                    "Prostate cancer",
                    CodeSystems.SKS_DIAGNOSES,
                    "DC61",
                    "recruiting",
                    40,
                    null,
                    "male",
                    false,
                    false,
                    "2025-05-01",
                    List.of(HERLEV)),
            new Spec(
                    "ra",
                    "A biological medicine for rheumatoid arthritis",
                    "Et biologisk lægemiddel mod leddegigt",
                    "Rheumatoid Arthritis",
                    CodeSystems.SKS_DIAGNOSES,
                    "DM05",
                    "recruiting",
                    18,
                    80,
                    null,
                    false,
                    false,
                    "2025-02-01",
                    List.of(OUH)),
            new Spec(
                    "hf",
                    "Home monitoring in heart failure",
                    "Hjemmemåling ved hjertesvigt",
                    "Heart Failure",
                    CodeSystems.SKS_DIAGNOSES,
                    "DI50",
                    "recruiting",
                    40,
                    null,
                    null,
                    false,
                    true,
                    "2025-04-01",
                    List.of(AUH)),
            new Spec(
                    "arrest",
                    "Cooling after out-of-hospital cardiac arrest",
                    "Nedkøling efter hjertestop uden for hospital",
                    "Out-of-Hospital Cardiac Arrest",
                    CodeSystems.SKS_DIAGNOSES,
                    "DI46",
                    "recruiting",
                    18,
                    null,
                    null,
                    false,
                    false,
                    "2024-10-01",
                    List.of(RIGSHOSPITALET)),
            new Spec(
                    "copd",
                    "Pulmonary rehabilitation at home for COPD",
                    "Lungerehabilitering i hjemmet ved KOL",
                    "Chronic Obstructive Pulmonary Disease",
                    CodeSystems.SKS_DIAGNOSES,
                    "DJ44",
                    "recruiting",
                    40,
                    null,
                    null,
                    false,
                    true,
                    "2025-06-01",
                    List.of(HVIDOVRE)),
            new Spec(
                    "depression",
                    "Talking therapy by video for depression",
                    "Samtaleterapi på video ved depression",
                    "Depression",
                    CodeSystems.SKS_DIAGNOSES,
                    "DF32",
                    "recruiting",
                    18,
                    65,
                    null,
                    false,
                    true,
                    "2025-08-01",
                    List.of(AUH)),
            new Spec(
                    "vaccine",
                    "A new influenza vaccine in healthy adults",
                    "En ny influenzavaccine til raske voksne",
                    "Influenza",
                    CodeSystems.SKS_DIAGNOSES,
                    "DJ11",
                    "recruiting",
                    18,
                    45,
                    null,
                    true,
                    false,
                    "2025-10-01",
                    List.of(RIGSHOSPITALET)),
            new Spec(
                    "t2d-done",
                    "Metformin and diet in type 2 diabetes",
                    "Metformin og kost ved type 2-diabetes",
                    "Type 2 diabetes",
                    CodeSystems.SKS_DIAGNOSES,
                    "DE11",
                    "completed",
                    18,
                    70,
                    null,
                    false,
                    false,
                    "2019-01-01",
                    List.of(OUH)));

    /**
     * More trials for lay words and query understanding: a heart attack and a stroke trial (which the words for one
     * must never find for the other), cataract, osteoporosis, kidney cancer near Aarhus, a children's trial and a
     * completed stroke trial.
     */
    static final List<Spec> EVERYDAY = List.of(
            new Spec(
                    "mi",
                    "Early heart scan after a heart attack",
                    "Tidlig hjertescanning efter blodprop i hjertet",
                    "Acute myocardial infarction",
                    CodeSystems.SKS_DIAGNOSES,
                    "DI21",
                    "recruiting",
                    18,
                    null,
                    null,
                    false,
                    false,
                    "2025-02-01",
                    List.of(AUH)),
            new Spec(
                    "stroke",
                    "Faster clot removal in ischaemic stroke",
                    "Hurtigere fjernelse af blodpropper ved iskæmisk apopleksi",
                    "Acute ischemic stroke",
                    CodeSystems.SKS_DIAGNOSES,
                    "DI63",
                    "recruiting",
                    18,
                    null,
                    null,
                    false,
                    false,
                    "2025-03-01",
                    List.of(OUH)),
            new Spec(
                    "cataract",
                    "A new lens for cataract surgery",
                    "En ny linse ved operation for katarakt",
                    "Cataract",
                    CodeSystems.SKS_DIAGNOSES,
                    "DH25",
                    "recruiting",
                    50,
                    null,
                    null,
                    false,
                    false,
                    "2025-04-01",
                    List.of(AAUH)),
            new Spec(
                    "osteoporosis",
                    "A yearly infusion for osteoporosis",
                    "En årlig infusion mod osteoporose",
                    "Osteoporosis",
                    CodeSystems.SKS_DIAGNOSES,
                    "DM81",
                    "recruiting",
                    50,
                    null,
                    "female",
                    false,
                    false,
                    "2025-05-01",
                    List.of(HERLEV)),
            new Spec(
                    "kidney",
                    "Immunotherapy after surgery for kidney cancer",
                    "Immunterapi efter operation for nyrekræft",
                    "Renal cell carcinoma",
                    CodeSystems.SKS_DIAGNOSES,
                    "DC64",
                    "recruiting",
                    18,
                    null,
                    null,
                    false,
                    false,
                    "2025-06-01",
                    List.of(AUH)),
            new Spec(
                    "asthma-children",
                    "An inhaler for children with asthma",
                    "En inhalator til børn med astma",
                    "Asthma",
                    CodeSystems.SKS_DIAGNOSES,
                    "DJ45",
                    "recruiting",
                    6,
                    17,
                    null,
                    false,
                    false,
                    "2025-07-01",
                    List.of(AUH)),
            new Spec(
                    "stroke-done",
                    "Blood pressure after ischaemic stroke",
                    "Blodtryk efter blodprop i hjernen",
                    "Ischemic stroke",
                    CodeSystems.SKS_DIAGNOSES,
                    "DI63",
                    "completed",
                    18,
                    80,
                    null,
                    false,
                    false,
                    "2020-01-01",
                    List.of(OUH)));

    private SearchFixture() {}

    static Bundle transaction(Spec spec) {
        return TrialBuilder.trial("SEARCH-" + spec.key())
                .titled(spec.titleEn())
                .plainTitle(spec.titleEn(), spec.titleDa())
                .summary(
                        "This trial is for people with " + spec.condition().toLowerCase() + ".",
                        "Om forsøget: " + spec.titleDa() + ".")
                .status(spec.status())
                .decentralized(spec.decentralized())
                .condition(spec.condition(), spec.system(), spec.code())
                .phase(spec.healthy() ? "phase-1" : "phase-3")
                .interventional()
                .starting(spec.start())
                .ages(spec.minAge(), spec.maxAge())
                .sex(spec.sex())
                .healthyVolunteers(spec.healthy())
                .at(spec.sites().toArray(Hospital[]::new))
                .transaction();
    }
}

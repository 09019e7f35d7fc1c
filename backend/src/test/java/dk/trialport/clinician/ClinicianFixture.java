package dk.trialport.clinician;

import dk.trialport.portal.PortalFixture;
import dk.trialport.portal.PortalFixture.Spec;
import dk.trialport.support.TrialBuilder.Hospital;
import java.util.List;

/** Open trials for the conditions of the Synthea patients the clinician app's tests launch with. */
final class ClinicianFixture {

    static final Hospital OUH = new Hospital(
            "ouh",
            "Odense Universitetshospital, Neurologisk Afdeling",
            "Neurologisk Afdeling N",
            "J. B. Winsløws Vej 4",
            "5000",
            "Odense C",
            "Region Syddanmark",
            55.3847,
            10.3695);

    /** Type 2 diabetes in Aarhus; its criteria speak of HbA1c and kidney disease. */
    static final Spec T2D = PortalFixture.T2D;

    static final Spec T2D_ODENSE = new Spec(
            "t2d-odense",
            "Kost og motion ved type 2-diabetes",
            "Diet and exercise in type 2 diabetes",
            "Type 2 diabetes",
            "DE11",
            18,
            80,
            null,
            false,
            true,
            null,
            List.of(),
            OUH);

    static final Spec HYPERTENSION = new Spec(
            "hypertension",
            "Ny blodtrykspille ved forhøjet blodtryk",
            "A new pill for high blood pressure",
            "Hypertension",
            "DI10",
            18,
            70,
            null,
            false,
            true,
            "Inclusion criteria:\n\n- Blood pressure above 140/90\n- eGFR above 45 mL/min/1.73 m2",
            List.of(),
            PortalFixture.RH);

    static final Spec STROKE = new Spec(
            "stroke",
            "Genoptræning efter apopleksi",
            "Rehabilitation after stroke",
            "Stroke",
            "DI64",
            50,
            90,
            null,
            false,
            true,
            null,
            List.of(),
            OUH);

    static final Spec ASTHMA = new Spec(
            "asthma",
            "Biologisk behandling af svær astma",
            "Biological treatment of severe asthma",
            "Asthma",
            "DJ45",
            18,
            65,
            null,
            false,
            true,
            "Exclusion criteria:\n\n- Diabetes (HbA1c above 48 mmol/mol)",
            List.of(),
            PortalFixture.RH);

    static final Spec WOMEN_ONLY = new Spec(
            "women-only",
            "Forebyggelse af apopleksi hos kvinder",
            "Preventing stroke in women",
            "Stroke",
            "DI64",
            40,
            null,
            "female",
            false,
            true,
            null,
            List.of(),
            PortalFixture.RH);

    static final List<Spec> CATALOGUE = List.of(T2D, T2D_ODENSE, HYPERTENSION, STROKE, ASTHMA, WOMEN_ONLY);

    private ClinicianFixture() {}
}

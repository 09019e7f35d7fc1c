package dk.trialport.demo;

import java.util.List;

/** A disease area with its department, conditions (SKS code, Danish and English lay names) and interventions. */
record DiseaseArea(
        String code,
        String departmentDa,
        String departmentEn,
        List<Condition> conditions,
        List<Intervention> interventions) {

    /** A condition as SKS codes it and as patients say it. */
    record Condition(String sks, String da, String en, String sex) {}

    /** What the trial tries, in both languages. */
    record Intervention(String da, String en) {}

    static final List<DiseaseArea> ALL = List.of(
            new DiseaseArea(
                    "cancer",
                    "Onkologisk Afdeling",
                    "Department of Oncology",
                    List.of(
                            new Condition("DC50", "brystkræft", "breast cancer", "female"),
                            new Condition("DC34", "lungekræft", "lung cancer", null),
                            new Condition("DC18", "tyktarmskræft", "colon cancer", null),
                            new Condition("DC61", "prostatakræft", "prostate cancer", "male")),
                    List.of(
                            new Intervention("immunterapi", "immunotherapy"),
                            new Intervention("et nyt lægemiddel i tabletform", "a new medicine in tablet form"),
                            new Intervention("kortere strålebehandling", "shorter radiotherapy"))),
            new DiseaseArea(
                    "diabetes",
                    "Endokrinologisk Afdeling",
                    "Department of Endocrinology",
                    List.of(
                            new Condition("DE11", "type 2-diabetes", "type 2 diabetes", null),
                            new Condition("DE10", "type 1-diabetes", "type 1 diabetes", null)),
                    List.of(
                            new Intervention("en ugentlig indsprøjtning", "a weekly injection"),
                            new Intervention("træning under vejledning", "supervised exercise"),
                            new Intervention("en app til egenbehandling", "a self-care app"))),
            new DiseaseArea(
                    "cardiovascular",
                    "Kardiologisk Afdeling",
                    "Department of Cardiology",
                    List.of(
                            new Condition("DI50", "hjertesvigt", "heart failure", null),
                            new Condition("DI48", "atrieflimren", "atrial fibrillation", null),
                            new Condition("DI21", "blodprop i hjertet", "heart attack", null)),
                    List.of(
                            new Intervention("et nyt blodfortyndende lægemiddel", "a new blood thinner"),
                            new Intervention("hjemmemåling af blodtryk", "home blood pressure monitoring"))),
            new DiseaseArea(
                    "arthritis",
                    "Reumatologisk Afdeling",
                    "Department of Rheumatology",
                    List.of(
                            new Condition("DM05", "leddegigt", "rheumatoid arthritis", null),
                            new Condition("DM16", "slidgigt i hoften", "osteoarthritis of the hip", null)),
                    List.of(
                            new Intervention("et biologisk lægemiddel", "a biological medicine"),
                            new Intervention("træning og undervisning", "exercise and education"))),
            new DiseaseArea(
                    "psychiatry",
                    "Psykiatrisk Center",
                    "Psychiatric Centre",
                    List.of(
                            new Condition("DF32", "depression", "depression", null),
                            new Condition("DF20", "skizofreni", "schizophrenia", null)),
                    List.of(
                            new Intervention("samtaleterapi på video", "talking therapy by video"),
                            new Intervention("et nyt antidepressivt lægemiddel", "a new antidepressant"))),
            new DiseaseArea(
                    "lung",
                    "Lungemedicinsk Afdeling",
                    "Department of Respiratory Medicine",
                    List.of(new Condition("DJ44", "KOL", "COPD", null), new Condition("DJ45", "astma", "asthma", null)),
                    List.of(
                            new Intervention("en ny inhalator", "a new inhaler"),
                            new Intervention("lungerehabilitering i hjemmet", "pulmonary rehabilitation at home"))),
            new DiseaseArea(
                    "neurology",
                    "Neurologisk Afdeling",
                    "Department of Neurology",
                    List.of(
                            new Condition("DG35", "sclerose", "multiple sclerosis", null),
                            new Condition("DG20", "Parkinsons sygdom", "Parkinson's disease", null),
                            new Condition("DG30", "Alzheimers sygdom", "Alzheimer's disease", null)),
                    List.of(
                            new Intervention("et nyt lægemiddel som infusion", "a new medicine given as an infusion"),
                            new Intervention("dans og bevægelse", "dance and movement"))),
            new DiseaseArea(
                    "rare-diseases",
                    "Center for Sjældne Sygdomme",
                    "Centre for Rare Diseases",
                    List.of(
                            new Condition("DE84", "cystisk fibrose", "cystic fibrosis", null),
                            new Condition("DG71", "muskelsvind", "muscular dystrophy", null)),
                    List.of(
                            new Intervention("genterapi", "gene therapy"),
                            new Intervention("et nyt lægemiddel i tabletform", "a new medicine in tablet form"))));
}

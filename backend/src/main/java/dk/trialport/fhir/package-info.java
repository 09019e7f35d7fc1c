/**
 * The FHIR R4 adapter at {@code /fhir}: HAPI's model and parser on WebFlux (no servlet server). Parses and
 * validates what hospitals send, stores it through the catalogue, answers reads, history and search, serves
 * candidates as ResearchSubject and runs {@code $match}, and turns every error into an OperationOutcome. Offers
 * the transaction path ({@link dk.trialport.fhir.BundleProcessor}) that the registry import and the demo use, the
 * projection of a ResearchStudy into {@link dk.trialport.catalogue.Trial}, and the catalogue's
 * {@link dk.trialport.catalogue.TrialEdits} for the workspace's trial form.
 */
package dk.trialport.fhir;

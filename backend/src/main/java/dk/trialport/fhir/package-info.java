/**
 * The FHIR R4 API at {@code /fhir}: HAPI's model and parser on WebFlux (no servlet server). Parses
 * and validates what hospitals send, stores it through the catalogue, answers reads, history and
 * search, and turns every error into an OperationOutcome. The only module that imports
 * {@code org.hl7.fhir.*}; the rest of the application sees {@link dk.trialport.catalogue.Trial}.
 */
package dk.trialport.fhir;

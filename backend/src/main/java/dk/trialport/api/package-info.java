/**
 * The JSON API's contract ({@code /api/**}), shared by the modules that serve it: every error an RFC 9457 problem
 * detail ({@link dk.trialport.api.ApiErrors}), a refused parameter named in it ({@link dk.trialport.api.InvalidParameter}),
 * and the OpenAPI description at {@code /api/v1/openapi.yaml}. The FHIR API has its own errors (OperationOutcomes,
 * in {@code fhir}); pages have the shared error page.
 */
package dk.trialport.api;

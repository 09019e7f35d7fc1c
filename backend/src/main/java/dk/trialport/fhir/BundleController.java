package dk.trialport.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST /fhir}: transaction and batch Bundles. */
@RestController
class BundleController {

  private final ResourceIntake intake;
  private final BundleProcessor processor;
  private final FhirResponses responses;
  private final FhirAccess access;

  BundleController(ResourceIntake intake, BundleProcessor processor, FhirResponses responses, FhirAccess access) {
    this.access = access;
    this.intake = intake;
    this.processor = processor;
    this.responses = responses;
  }

  @PostMapping("/fhir")
  Mono<ResponseEntity<String>> process(@RequestBody(required = false) String body, ServerHttpRequest request) {
    return ResourceController.offEventLoop(() -> (Bundle) intake.parse(body, request, "Bundle"))
        .flatMap(bundle -> allowed(bundle).thenReturn(bundle))
        .flatMap(bundle -> switch (bundle.getType()) {
          case TRANSACTION -> processor.transaction(bundle, FhirBase.url(request));
          case BATCH -> processor.batch(bundle, FhirBase.url(request));
          default -> Mono.error(new FhirProblem(HttpStatus.BAD_REQUEST, "invalid",
              "POST /fhir takes a Bundle of type transaction or batch, not " + bundle.getType().toCode(), "Bundle.type"));
        })
        .map(response -> responses.resource(HttpStatus.OK, response, request));
  }

  /** Every entry's interaction must be allowed by the token's scopes before anything is written. */
  private Mono<Void> allowed(Bundle bundle) {
    return Flux.fromIterable(bundle.getEntry()).concatMap(entry -> {
      var request = entry.getRequest();
      var type = entry.hasResource() ? entry.getResource().fhirType()
          : request.getUrl() == null ? "" : request.getUrl().split("[/?]")[0];
      var conditional = request.getUrl() != null && request.getUrl().contains("?");
      return switch (request.getMethod() == null ? Bundle.HTTPVerb.NULL : request.getMethod()) {
        case POST -> access.require(type, FhirAccess.CREATE);
        case PUT -> (conditional ? access.require(type, FhirAccess.CREATE) : Mono.<Void>empty())
            .then(access.require(type, FhirAccess.UPDATE));
        case DELETE -> access.require(type, FhirAccess.DELETE);
        default -> Mono.<Void>empty();
      };
    }).then();
  }
}

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
  private final TrialOwnership ownership;

  BundleController(ResourceIntake intake, BundleProcessor processor, FhirResponses responses, FhirAccess access,
      TrialOwnership ownership) {
    this.access = access;
    this.ownership = ownership;
    this.intake = intake;
    this.processor = processor;
    this.responses = responses;
  }

  @PostMapping("/fhir")
  Mono<ResponseEntity<String>> process(@RequestBody(required = false) String body, ServerHttpRequest request) {
    return ResourceController.offEventLoop(() -> (Bundle) intake.parse(body, request, "Bundle"))
        .zipWith(ownership.rules())
        .flatMap(work -> allowed(work.getT1(), work.getT2()).thenReturn(work))
        .flatMap(work -> switch (work.getT1().getType()) {
          case TRANSACTION -> processor.transaction(work.getT1(), FhirBase.url(request), work.getT2());
          case BATCH -> processor.batch(work.getT1(), FhirBase.url(request), work.getT2());
          default -> Mono.error(new FhirProblem(HttpStatus.BAD_REQUEST, "invalid",
              "POST /fhir takes a Bundle of type transaction or batch, not " + work.getT1().getType().toCode(),
              "Bundle.type"));
        })
        .map(response -> responses.resource(HttpStatus.OK, response, request));
  }

  /**
   * Every entry's interaction must be allowed by the token's scopes, and a trial's by its team, before
   * anything is written; what only the write itself reveals (a conditional match) is checked in its transaction.
   */
  private Mono<Void> allowed(Bundle bundle, TrialOwnership.Rules rules) {
    return Flux.fromIterable(bundle.getEntry()).concatMap(entry -> {
      var request = entry.getRequest();
      var type = entry.hasResource() ? entry.getResource().fhirType()
          : request.getUrl() == null ? "" : request.getUrl().split("[/?]")[0];
      var conditional = request.getUrl() != null && request.getUrl().contains("?");
      var parts = request.getUrl() == null ? new String[0] : request.getUrl().replaceFirst("^/", "").split("/");
      var change = conditional || parts.length < 2 ? rules.mayWrite(type) : rules.mayChange(type, parts[1]);
      return switch (request.getMethod() == null ? Bundle.HTTPVerb.NULL : request.getMethod()) {
        case POST -> access.require(type, FhirAccess.CREATE).then(rules.mayWrite(type));
        case PUT -> (conditional ? access.require(type, FhirAccess.CREATE) : Mono.<Void>empty())
            .then(access.require(type, FhirAccess.UPDATE)).then(change);
        case DELETE -> access.require(type, FhirAccess.DELETE).then(change);
        default -> Mono.<Void>empty();
      };
    }).then();
  }
}

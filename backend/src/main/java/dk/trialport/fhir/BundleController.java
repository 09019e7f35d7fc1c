package dk.trialport.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /fhir}: transaction and batch Bundles. */
@RestController
class BundleController {

  private final ResourceIntake intake;
  private final BundleProcessor processor;
  private final FhirResponses responses;

  BundleController(ResourceIntake intake, BundleProcessor processor, FhirResponses responses) {
    this.intake = intake;
    this.processor = processor;
    this.responses = responses;
  }

  @PostMapping("/fhir")
  Mono<ResponseEntity<String>> process(@RequestBody(required = false) String body, ServerHttpRequest request) {
    return ResourceController.offEventLoop(() -> (Bundle) intake.parse(body, request, "Bundle"))
        .flatMap(bundle -> switch (bundle.getType()) {
          case TRANSACTION -> processor.transaction(bundle, FhirBase.url(request));
          case BATCH -> processor.batch(bundle, FhirBase.url(request));
          default -> Mono.error(new FhirProblem(HttpStatus.BAD_REQUEST, "invalid",
              "POST /fhir takes a Bundle of type transaction or batch, not " + bundle.getType().toCode(), "Bundle.type"));
        })
        .map(response -> responses.resource(HttpStatus.OK, response, request));
  }
}

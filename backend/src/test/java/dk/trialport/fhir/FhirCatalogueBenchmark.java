package dk.trialport.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.trialport.identity.IdentityProperties;
import dk.trialport.support.Tokens;
import dk.trialport.support.TrialBuilder;
import dk.trialport.support.TrialportIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Throughput and latency of the FHIR catalogue against the real embedded PostgreSQL: creates,
 * transaction Bundles (a trial with its site and department) and reads, each with concurrent
 * clients. Not part of {@code mvn verify}; run it with
 * {@code mvn verify -pl backend -am -Dtest=FhirCatalogueBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TrialportIntegrationTest
class FhirCatalogueBenchmark {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Test
    void createTransactionAndRead() {
        var token = Tokens.demoHospital(
                identity.issuer(), "system/ResearchStudy.cruds system/Location.cruds system/Organization.cruds");
        var client = WebClient.builder()
                .baseUrl("http://localhost:" + port + "/fhir")
                .defaultHeaders(h -> h.setBearerAuth(token))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(10 * 1024 * 1024))
                .build();

        run("warm-up creates", 200, 4, i -> post(client, "/Organization", organization(i)));
        var created = Collections.synchronizedList(new ArrayList<String>());
        run(
                "create Organization",
                2000,
                8,
                i -> post(client, "/Organization", organization(i))
                        .doOnNext(location -> created.add(location.split("/")[1])));
        run(
                "transaction (Organization + Location + ResearchStudy)",
                300,
                4,
                i -> post(client, "", FHIR.newJsonParser().encodeResourceToString(transaction(i))));
        run(
                "read Organization",
                10000,
                16,
                i -> client.get()
                        .uri("/Organization/"
                                + created.get(ThreadLocalRandom.current().nextInt(created.size())))
                        .retrieve()
                        .bodyToMono(String.class)
                        .map(body -> "ok"));
    }

    private static void run(String name, int count, int concurrency, IntFunction<Mono<String>> operation) {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var done = new AtomicInteger();
        long start = System.nanoTime();
        Flux.range(0, count)
                .flatMap(
                        i -> Mono.defer(() -> {
                            long t0 = System.nanoTime();
                            return operation.apply(i).doOnNext(ignored -> {
                                latencies.add(System.nanoTime() - t0);
                                int n = done.incrementAndGet();
                                if (n % (count / 10) == 0) {
                                    System.out.printf("  %s: %d/%d%n", name, n, count);
                                }
                            });
                        }),
                        concurrency)
                .blockLast(Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "BENCHMARK %-55s n=%d concurrency=%d  %.0f/s  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms%n",
                name, count, concurrency, count / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }

    private static Mono<String> post(WebClient client, String path, String body) {
        return client.post()
                .uri(path)
                .contentType(FHIR_JSON)
                .header("Prefer", "return=minimal")
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .map(response -> response.getHeaders().getLocation() == null
                        ? "bundle"
                        : response.getHeaders()
                                .getLocation()
                                .getPath()
                                .replaceFirst(".*/fhir/", "")
                                .replaceFirst("/_history.*", ""));
    }

    private static String organization(int i) {
        return FHIR.newJsonParser().encodeResourceToString(TrialBuilder.department("BENCH-" + i, "Afdeling " + i));
    }

    private static Bundle transaction(int i) {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var org = "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i * 3L);
        var site = "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i * 3L + 1);
        bundle.addEntry()
                .setFullUrl(org)
                .setResource(TrialBuilder.department("TX-" + i, "Afdeling " + i))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Organization");
        bundle.addEntry()
                .setFullUrl(site)
                .setResource(TrialBuilder.site("Ambulatorium " + i, "Aarhus N", "8200", new Reference(org)))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Location");
        bundle.addEntry()
                .setResource(TrialBuilder.registered("NCT8" + String.format("%07d", i))
                        .at(new Reference(site))
                        .study())
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("ResearchStudy");
        return bundle;
    }
}

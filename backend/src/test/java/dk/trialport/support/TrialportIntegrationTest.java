package dk.trialport.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the whole application against the real embedded platform (PostgreSQL,
 * Elasticsearch, identity provider), started once per test run and shared by every test class;
 * each class starts from empty tables and indices. The portal listens on a free port that its public address names.
 * The clinician app may be framed by pages on localhost (the stand-in EHR's record page).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        // the tests' stand-in EHRs (on localhost) may show the clinician app inside their own page
        properties = "trialport.framing.ancestors=http://localhost:*")
@ContextConfiguration(initializers = {PortalPort.class, SharedTerminology.class})
@ExtendWith(CleanSlate.class)
public @interface TrialportIntegrationTest {}

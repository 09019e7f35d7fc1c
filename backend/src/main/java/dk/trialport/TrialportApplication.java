package dk.trialport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Trialport: the national platform for clinical trials in Denmark. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrialportApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrialportApplication.class, args);
    }
}

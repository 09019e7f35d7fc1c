package dk.trialport.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The national terminology ({@code ../shared/data/terminology}: SKS and MeSH) for the condition vocabulary of the
 * portal under test, as the run command gives it ({@code trialport.search.terminology}); without it, the project's
 * own vocabulary alone, as on a fresh machine.
 */
public class SharedTerminology implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedData.directory("terminology")
                .ifPresent(directory -> context.getEnvironment()
                        .getPropertySources()
                        .addLast(new MapPropertySource(
                                "sharedTerminology", Map.of("trialport.search.terminology", directory.toString()))));
    }
}

package dk.trialport.portal;

import dk.trialport.catalogue.TrialProjectionStore;
import dk.trialport.fhir.TrialDetailsReader;
import dk.trialport.recruitment.application.FindingTrialsForProfile;
import dk.trialport.recruitment.application.KeepingProfile;
import dk.trialport.recruitment.application.MyData;
import dk.trialport.recruitment.application.RegisteringInterest;
import dk.trialport.recruitment.application.TalkingWithTheTeam;
import dk.trialport.recruitment.application.WithdrawingConsent;
import dk.trialport.recruitment.application.WorkingCandidates;
import dk.trialport.search.TrialQueryParser;
import dk.trialport.search.TrialSearch;
import dk.trialport.search.vocabulary.ConditionVocabulary;
import dk.trialport.search.vocabulary.PostalCodes;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * A slice test of the pages: the components of {@code dk.trialport.portal} only (other modules'
 * controllers and advice stay out), Thymeleaf with the real templates and messages, the language
 * switch and Boot's error handling, without the embedded platform.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebFluxTest(
        useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dk\\.trialport\\.portal\\..*"),
        properties = {
            "trialport.platform.embedded=false",
            "trialport.identity.issuer=http://localhost:1/unused",
            // No login in this slice: the pages with personal data are tested against the real identity provider.
            "spring.autoconfigure.exclude="
                    + "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration"
        })
@Import({LocaleConfiguration.class, PageTest.PublicPages.class, PageTest.PageSources.class})
@interface PageTest {

    /** The public pages' chain (the pages with personal data have their own tests against the real login). */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebFluxSecurity
    class PublicPages {

        @Bean
        SecurityWebFilterChain pageSecurity(ServerHttpSecurity http) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                    .build();
        }
    }

    /**
     * What the pages read from other modules: the vocabulary and postal codes as loaded in production, Mockito
     * mocks of the search, the catalogue and recruitment (tests that need them give them answers).
     */
    @TestConfiguration(proxyBeanMethods = false)
    class PageSources {

        @Bean
        ConditionVocabulary conditionVocabulary() {
            return ConditionVocabulary.load();
        }

        @Bean
        PostalCodes postalCodes() {
            return PostalCodes.load();
        }

        @Bean
        dk.trialport.fhir.TrialportProfile trialportProfile() {
            return dk.trialport.fhir.TrialportProfile.get();
        }

        @Bean
        TrialSearch trialSearch() {
            return Mockito.mock(TrialSearch.class);
        }

        @Bean
        TrialQueryParser trialQueryParser() {
            return Mockito.mock(TrialQueryParser.class);
        }

        @Bean
        dk.trialport.search.SearchAlternatives searchAlternatives() {
            return Mockito.mock(dk.trialport.search.SearchAlternatives.class);
        }

        @Bean
        dk.trialport.search.QueryUnderstanding queryUnderstanding() {
            return Mockito.mock(dk.trialport.search.QueryUnderstanding.class);
        }

        @Bean
        TrialProjectionStore trialProjectionStore() {
            return Mockito.mock(TrialProjectionStore.class);
        }

        @Bean
        dk.trialport.catalogue.PublicTrials publicTrials(TrialProjectionStore trials) {
            return new dk.trialport.catalogue.PublicTrials(trials);
        }

        @Bean
        TrialDetailsReader trialDetailsReader() {
            return Mockito.mock(TrialDetailsReader.class);
        }

        @Bean
        RegisteringInterest registeringInterest() {
            return Mockito.mock(RegisteringInterest.class);
        }

        @Bean
        WithdrawingConsent withdrawingConsent() {
            return Mockito.mock(WithdrawingConsent.class);
        }

        @Bean
        MyData myData() {
            return Mockito.mock(MyData.class);
        }

        @Bean
        KeepingProfile keepingProfile() {
            return Mockito.mock(KeepingProfile.class);
        }

        @Bean
        FindingTrialsForProfile findingTrialsForProfile() {
            return Mockito.mock(FindingTrialsForProfile.class);
        }

        @Bean
        WorkingCandidates workingCandidates() {
            return Mockito.mock(WorkingCandidates.class);
        }

        @Bean
        TalkingWithTheTeam talkingWithTheTeam() {
            return Mockito.mock(TalkingWithTheTeam.class);
        }

        @Bean
        dk.trialport.opendata.PublicDump publicDump() {
            var dump = Mockito.mock(dk.trialport.opendata.PublicDump.class);
            Mockito.when(dump.files()).thenReturn(reactor.core.publisher.Mono.just(java.util.List.of()));
            return dump;
        }

        /** Every trial current: never confirmed, judged by its last change alone. */
        @Bean
        dk.trialport.catalogue.Freshness freshness() {
            var freshness = Mockito.mock(dk.trialport.catalogue.Freshness.class);
            Mockito.when(freshness.confirmedAt(Mockito.anyString())).thenReturn(reactor.core.publisher.Mono.empty());
            return freshness;
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }
}

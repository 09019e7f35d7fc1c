package dk.trialport.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Registers the {@link LanguageSwitch}. WebFlux takes the locale resolver from the bean named
 * {@value WebHttpHandlerBuilder#LOCALE_CONTEXT_RESOLVER_BEAN_NAME}; Boot's own (Accept-Language)
 * backs off when that bean exists. The same bean is picked up as a {@code WebFilter}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LanguageSwitch localeContextResolver() {
        return new LanguageSwitch();
    }
}

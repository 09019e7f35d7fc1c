package dk.trialport.idp;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/** Two filter chains: the authorization server endpoints, and everything else (login page, health). */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, IdpProperties properties) {
        boolean anyPort = properties.allowAnyLoopbackPort();
        http.oauth2AuthorizationServer((server) -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.authorizationEndpoint((endpoint) ->
                    endpoint.authenticationProviders((providers) -> providers.forEach((provider) -> {
                        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequest) {
                            codeRequest.setAuthenticationValidator(new AuthorizationRedirectUriValidator(anyPort));
                        }
                    })));
            server.oidc((oidc) -> oidc.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(new UserInfoMapper()))
                    .logoutEndpoint((logout) ->
                            logout.authenticationProviders((providers) -> providers.forEach((provider) -> {
                                if (provider instanceof OidcLogoutAuthenticationProvider oidcLogout) {
                                    oidcLogout.setAuthenticationValidator(new PostLogoutRedirectUriValidator(anyPort));
                                }
                            }))));
        });
        http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
        http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling((exceptions) ->
                exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html));
        return http.build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) {
        http.authorizeHttpRequests((authorize) -> authorize
                .requestMatchers(
                        "/login",
                        "/css/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/demo-clients/**")
                .permitAll()
                .anyRequest()
                .authenticated());
        http.formLogin((form) -> form.loginPage("/login").permitAll());
        return http.build();
    }
}

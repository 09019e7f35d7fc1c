package dk.trialport.identity;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may call what. The public catalogue API is open to anyone from any origin; the other APIs take bearer tokens
 * from the trusted OpenID provider and keep no session (a login cookie counts for nothing there); the pages are
 * public until a feature needs a logged-in person.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** The public catalogue: read-only, so a write reaches the controllers and is a 405, never a 401. */
    static final String[] PUBLIC_API = {"/api/v1/trials", "/api/v1/trials/**", "/api/v1/openapi.yaml"};

    // @formatter:off
    @Bean
    @Order(0)
    SecurityWebFilterChain publicApiSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(pathMatchers(PUBLIC_API))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .cors(cors -> cors.configurationSource(anyOrigin()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(pathMatchers("/api/**", "/fhir/**", "/actuator/**"))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN)
                        .pathMatchers("/api/v1/admin/**")
                        .hasRole(Roles.ADMIN)
                        // Candidates are personal data: never public, unlike the catalogue.
                        .pathMatchers("/fhir/ResearchSubject", "/fhir/ResearchSubject/**")
                        .hasAnyRole(Roles.HOSPITAL_SYSTEM, Roles.INVESTIGATOR, Roles.ADMIN)
                        .pathMatchers(HttpMethod.GET, "/fhir/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/fhir/**")
                        .permitAll()
                        // FHIR's search by POST (form-encoded) is a search like GET's, open to everyone
                        .pathMatchers(HttpMethod.POST, "/fhir/*/_search")
                        .permitAll()
                        // A bulk export is cancelled by whoever knows its status URL (an unguessable id), like it was
                        // started
                        .pathMatchers(HttpMethod.DELETE, "/fhir/$export-status/*")
                        .permitAll()
                        .pathMatchers("/fhir/**")
                        .hasAnyRole(Roles.HOSPITAL_SYSTEM, Roles.INVESTIGATOR, Roles.ADMIN)
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenAuthoritiesConverter()))
                        .authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new ApiAuthenticationEntryPoint())
                        .accessDeniedHandler(new ApiAccessDeniedHandler()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain pageSecurity(
            ServerHttpSecurity http, ServerOAuth2AuthorizationRequestResolver logins, FramedPages framing) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                "/min-side",
                                "/min-side/**",
                                "/profil",
                                "/profil/**",
                                "/forsoeg/*/interesse",
                                "/forsoeg/*/interesse/**")
                        .authenticated()
                        .pathMatchers("/arbejdsrum/admin", "/arbejdsrum/admin/**")
                        .hasRole(Roles.ADMIN)
                        .pathMatchers("/arbejdsrum", "/arbejdsrum/**")
                        .hasAnyRole(Roles.INVESTIGATOR, Roles.ADMIN)
                        .anyExchange()
                        .permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(logins))
                .logout(logout -> logout.logoutSuccessHandler(new RedirectServerLogoutSuccessHandler()))
                .headers(headers -> headers.frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)
                        .writer(new PageHeaders(framing))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .build();
    }
    // @formatter:on

    /** Cross-origin reads without credentials: the catalogue is public. */
    private static UrlBasedCorsConfigurationSource anyOrigin() {
        var cors = new CorsConfiguration();
        cors.addAllowedOrigin(CorsConfiguration.ALL);
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name()));
        cors.addAllowedHeader(CorsConfiguration.ALL);
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** The login's {@code redirect_uri} on the portal's configured address, whatever Host the request named. */
    @Bean
    ServerOAuth2AuthorizationRequestResolver loginRequests(
            ReactiveClientRegistrationRepository registrations, PortalAddress portal) {
        var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(request -> request.attributes(attributes -> request.redirectUri(
                portal.resolve("/login/oauth2/code/" + attributes.get(OAuth2ParameterNames.REGISTRATION_ID)))));
        return resolver;
    }

    @Bean
    ServerWebExchangeFirewall firewall() {
        return RefusedRequests.firewall();
    }

    @Bean
    ServerExchangeRejectedHandler refusedRequests() {
        return new RefusedRequests();
    }

    /** Roles from the ID token of a person logged in to the pages (the workspace needs INVESTIGATOR). */
    @Bean
    GrantedAuthoritiesMapper loginRoles() {
        return new LoginRoles();
    }
}

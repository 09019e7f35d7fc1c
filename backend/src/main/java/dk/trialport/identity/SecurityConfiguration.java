package dk.trialport.identity;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what. The APIs take bearer tokens from the trusted OpenID provider and keep no
 * session; the pages are public until a feature needs a logged-in person.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  /** Pages load only their own scripts, styles and images, and may not be framed. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  // @formatter:off
  @Bean
  @Order(1)
  SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
    return http
        .securityMatcher(pathMatchers("/api/**", "/fhir/**", "/actuator/**"))
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .pathMatchers("/actuator/**").hasRole(Roles.ADMIN)
            .pathMatchers(HttpMethod.GET, "/api/v1/trials", "/api/v1/trials/**", "/api/v1/openapi.yaml").permitAll()
            .pathMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
            // Candidates are personal data: never public, unlike the catalogue.
            .pathMatchers("/fhir/ResearchSubject", "/fhir/ResearchSubject/**")
                .hasAnyRole(Roles.HOSPITAL_SYSTEM, Roles.INVESTIGATOR, Roles.ADMIN)
            .pathMatchers(HttpMethod.GET, "/fhir/**").permitAll()
            .pathMatchers(HttpMethod.HEAD, "/fhir/**").permitAll()
            // FHIR's search by POST (form-encoded) is a search like GET's, open to everyone
            .pathMatchers(HttpMethod.POST, "/fhir/*/_search").permitAll()
            .pathMatchers("/fhir/**").hasAnyRole(Roles.HOSPITAL_SYSTEM, Roles.INVESTIGATOR, Roles.ADMIN)
            .anyExchange().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenAuthoritiesConverter()))
            .authenticationEntryPoint(new ApiAuthenticationEntryPoint()))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(new ApiAuthenticationEntryPoint())
            .accessDeniedHandler(new ApiAccessDeniedHandler()))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityWebFilterChain pageSecurity(ServerHttpSecurity http) {
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/min-side", "/min-side/**", "/profil", "/profil/**", "/forsoeg/*/interesse",
                "/forsoeg/*/interesse/**").authenticated()
            .pathMatchers("/arbejdsrum/admin", "/arbejdsrum/admin/**").hasRole(Roles.ADMIN)
            .pathMatchers("/arbejdsrum", "/arbejdsrum/**").hasAnyRole(Roles.INVESTIGATOR, Roles.ADMIN)
            .anyExchange().permitAll())
        .oauth2Login(Customizer.withDefaults())
        .logout(logout -> logout.logoutSuccessHandler(new RedirectServerLogoutSuccessHandler()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .build();
  }
  // @formatter:on

  /** Roles from the ID token of a person logged in to the pages (the workspace needs INVESTIGATOR). */
  @Bean
  GrantedAuthoritiesMapper loginRoles() {
    return new LoginRoles();
  }
}

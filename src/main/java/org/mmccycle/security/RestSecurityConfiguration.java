package org.mmccycle.security;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * No API answers anonymously: /engine-rest (Camunda's REST API, used by Camunda Modeler to deploy)
 * /api (ours) and /actuator (health, metrics) need HTTP Basic against Camunda's users. The web apps keep their own login
 * and CSRF protection; their first-administrator setup is closed. What a request may do once it is
 * authenticated is decided in the engine (SecurityEnginePlugin), not here.
 */
@Configuration
public class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(new EveryRequestAuthenticated());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicAuthentication.class.getName());
    registration.setOrder(1);
    return registration;
  }

  /** Camunda's filter lets {@code /engine-rest/engine} (the engine names) through anonymously; we don't. */
  static class EveryRequestAuthenticated extends ProcessEngineAuthenticationFilter {
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }

  /** A broken percent-encoding in a query string is 400, before anything reads the parameters. */
  @Bean
  FilterRegistrationBean<WellFormedQueries> wellFormedQueries() {
    var registration = new FilterRegistrationBean<>(new WellFormedQueries());
    registration.setName("well-formed-queries");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<FirstAdminSetupGuard> firstAdminSetupGuard() {
    var registration = new FilterRegistrationBean<>(new FirstAdminSetupGuard());
    registration.setName("first-admin-setup-guard");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(-1);
    return registration;
  }

  /** Who is asking, for the password check's per-address lock-out (ThrottledIdentityProvider); every request. */
  @Bean
  FilterRegistrationBean<ClientAddress> clientAddress() {
    var registration = new FilterRegistrationBean<>(new ClientAddress());
    registration.setName("client-address");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(2);
    return registration;
  }

  /**
   * MMC Cycle's own pages (/mmc: the cycle board) for those who manage and watch the cycle, logged in to
   * the web apps in the same browser (or HTTP Basic); a browser without that login is sent to Tasklist's.
   */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> pageAuthentication(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService,
        Set.of(MmcGroups.PROCESS_OWNERS, MmcGroups.SERVICE_MANAGERS, MmcGroups.CAMUNDA_ADMIN), "/camunda/app/tasklist/"));
    registration.setName("page-authentication");
    registration.addUrlPatterns("/mmc/*");
    registration.setOrder(4);
    return registration;
  }

  /** Metrics and health (/actuator) are for those who watch the process: process owners, service managers, admins. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthentication(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService,
        Set.of(MmcGroups.PROCESS_OWNERS, MmcGroups.SERVICE_MANAGERS, MmcGroups.CAMUNDA_ADMIN)));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(3);
    return registration;
  }
}

package org.mmccycle.security;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No API answers anonymously: /engine-rest (Camunda's REST API, used by Camunda Modeler to deploy)
 * /api (ours) and /actuator (health, metrics) need HTTP Basic against Camunda's users. The web apps keep their own login
 * and CSRF protection; their first-administrator setup is closed.
 */
@Configuration
public class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(new EveryRequestAuthenticated());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
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

  @Bean
  FilterRegistrationBean<FirstAdminSetupGuard> firstAdminSetupGuard() {
    var registration = new FilterRegistrationBean<>(new FirstAdminSetupGuard());
    registration.setName("first-admin-setup-guard");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(-1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
    var registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
    registration.setName("query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(0);
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

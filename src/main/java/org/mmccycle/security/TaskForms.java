package org.mmccycle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The embedded task forms (forms/*.html) served by the application at /forms/, where Tasklist loads
 * them for {@code camunda:formKey="embedded:/forms/execute-checklist.html"}: the same form for every
 * version of the model, wherever it was deployed from (Camunda Modeler deploys the .bpmn alone, and a
 * form looked up in the model's own deployment was then missing). Only for someone logged in to the
 * web apps.
 */
@Configuration
public class TaskForms implements WebMvcConfigurer {

  static final String PATH = "/forms/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH + "*.html").addResourceLocations("classpath:/forms/");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskFormsLogin() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (WebappSession.user(request).isEmpty()) {
          response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
          response.setContentType("application/json");
          response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"log in to Tasklist to open a task form\"}");
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("task-forms-login");
    registration.addUrlPatterns(PATH + "*");
    registration.setOrder(2);
    return registration;
  }
}

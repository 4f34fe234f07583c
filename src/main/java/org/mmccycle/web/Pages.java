package org.mmccycle.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MMC Cycle's own pages (META-INF/resources/mmc): {@code /mmc/} is the cycle board. */
@Configuration(proxyBeanMethods = false)
public class Pages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/mmc", "/mmc/");
    registry.addViewController("/mmc/").setViewName("forward:/mmc/index.html");
  }
}

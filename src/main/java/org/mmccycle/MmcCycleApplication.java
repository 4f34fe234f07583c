package org.mmccycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** MMC Cycle: the monthly maintenance checklist cycle of a managed-service provider, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MmcCycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(MmcCycleApplication.class, args);
  }
}

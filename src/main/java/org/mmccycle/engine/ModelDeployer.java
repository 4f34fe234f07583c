package org.mmccycle.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and forms/ as one deployment, under their bare file names, so that
 * {@code embedded:deployment:execute-checklist.html} and {@code formRef} resolve the same way from
 * target/classes and from the packaged jar. Unchanged models are not deployed again; a model an
 * analyst deployed from Camunda Modeler stays the latest until the application's own copy changes.
 */
@Component
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "mmc-cycle";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[] PATTERNS = {
      "classpath:processes/*.bpmn", "classpath:processes/*.dmn", "classpath:forms/*.form", "classpath:forms/*.html"};

  private final RepositoryService repositoryService;

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public void deploy() {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("mmc-cycle application")
        .enableDuplicateFiltering(false);
    var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(resource.getFilename(), in);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the models to deploy", e);
    }
    DeploymentWithDefinitions deployed = deployment.deployWithResult();
    LOG.info("Models deployed: {} ({} resources, {} new process definitions)", DEPLOYMENT_NAME,
        deployment.getResourceNames().size(), deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
  }
}

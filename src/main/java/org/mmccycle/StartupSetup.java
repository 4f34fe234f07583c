package org.mmccycle;

import org.mmccycle.client.DemoClients;
import org.mmccycle.engine.EngineIndexes;
import org.mmccycle.engine.ModelDeployer;
import org.mmccycle.engine.StrandedJobs;
import org.mmccycle.engine.TasklistFilters;
import org.mmccycle.security.DemoUsers;
import org.mmccycle.security.GroupAuthorizations;
import org.mmccycle.security.ProductionAdministrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What the application sets up at start-up, in order, before the web server takes its first
 * request: the engine indexes Camunda lacks, a report of jobs a crash left without their cycle, the
 * models, the groups and their authorizations, the Tasklist filters, in production the administrator's
 * password from the environment, and in the demo setup the demo users and clients. Every step is idempotent.
 */
@Component
public class StartupSetup implements SmartInitializingSingleton {

  private final EngineIndexes indexes;
  private final StrandedJobs strandedJobs;
  private final ModelDeployer models;
  private final GroupAuthorizations groups;
  private final TasklistFilters filters;
  private final ObjectProvider<ProductionAdministrator> productionAdministrator;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final ObjectProvider<DemoClients> demoClients;

  public StartupSetup(EngineIndexes indexes, StrandedJobs strandedJobs, ModelDeployer models, GroupAuthorizations groups,
      TasklistFilters filters, ObjectProvider<ProductionAdministrator> productionAdministrator, ObjectProvider<DemoUsers> demoUsers,
      ObjectProvider<DemoClients> demoClients) {
    this.productionAdministrator = productionAdministrator;
    this.indexes = indexes;
    this.strandedJobs = strandedJobs;
    this.models = models;
    this.groups = groups;
    this.filters = filters;
    this.demoUsers = demoUsers;
    this.demoClients = demoClients;
  }

  @Override
  public void afterSingletonsInstantiated() {
    indexes.createMissing();
    strandedJobs.report();
    models.deploy();
    groups.createGroupsAndAuthorizations();
    filters.createFilters();
    productionAdministrator.ifAvailable(ProductionAdministrator::applyPassword);
    demoUsers.ifAvailable(DemoUsers::createDemoUsers);
    demoClients.ifAvailable(DemoClients::loadDemoClients);
  }
}

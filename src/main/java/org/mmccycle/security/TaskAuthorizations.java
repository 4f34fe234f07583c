package org.mmccycle.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda's per-task authorizations, without the ones that repeat a group's grant on every task.
 * Camunda grants each candidate group of a new task READ and UPDATE on that task (one
 * {@code ACT_RU_AUTHORIZATION} row per task and group). Service managers already hold both on all
 * tasks ({@link GroupAuthorizations#GROUPS_WORKING_EVERY_TASK}), and they are a candidate group of
 * every cycle's Schedule visit: their row per task changed nothing, and every technician's task list
 * read it and filtered it out once per open task (on PostgreSQL the authorization check looks up
 * each task's rows). Technicians keep theirs: they see and work only the tasks they are candidates for.
 */
@Component
public class TaskAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new WithoutRepeatedGrants());
  }

  static class WithoutRepeatedGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
      return GroupAuthorizations.GROUPS_WORKING_EVERY_TASK.contains(groupId)
          ? new AuthorizationEntity[0]
          : super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
    }
  }
}

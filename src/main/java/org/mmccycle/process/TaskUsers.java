package org.mmccycle.process;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is completing a task: the logged-in user (Tasklist, /engine-rest) or else its assignee, and
 * that user's groups.
 */
@Component
public class TaskUsers {

  private final IdentityService identityService;

  public TaskUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The logged-in user, or null when the engine acts on its own (a timer, the job executor). */
  public String authenticated() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  public String who(DelegateTask task) {
    Authentication current = identityService.getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }

  public List<String> groups() {
    Authentication current = identityService.getCurrentAuthentication();
    return current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
  }
}

package org.mmccycle.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.mmccycle.client.Technicians;
import org.mmccycle.responsibility.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** A client's technician is a Camunda user in the technicians' or the service managers' group. */
@Component
public class CamundaTechnicians implements Technicians {

  private final ProcessEngine engine;

  public CamundaTechnicians(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public String problem(String userId) {
    var identity = engine.getIdentityService();
    return WithoutAuthorization.call(engine, () -> {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        return "there is no user '" + userId + "' (create the user in Camunda Admin first)";
      }
      if (identity.createGroupQuery().groupMember(userId).groupIdIn(MmcGroups.TECHNICIANS, MmcGroups.SERVICE_MANAGERS).count() == 0) {
        return "the user '" + userId + "' is neither a technician nor a service manager";
      }
      return null;
    });
  }
}

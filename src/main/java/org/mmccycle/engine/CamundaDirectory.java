package org.mmccycle.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.mmccycle.client.Technicians;
import org.mmccycle.notify.Recipients;
import org.mmccycle.security.MmcGroups;
import org.springframework.stereotype.Component;

/**
 * The firm's people as Camunda's identity service keeps them (Camunda Admin): who may be a client's
 * technician (a member of the technicians' or the service managers' group) and the e-mail addresses
 * of a user or of a group's members. Read as the application, whoever's action asks.
 */
@Component
public class CamundaDirectory implements Technicians, Recipients {

  private final ProcessEngine engine;
  private final IdentityService identity;

  public CamundaDirectory(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
  }

  @Override
  public String problem(String userId) {
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

  @Override
  public Set<String> ofUser(String userId) {
    if (userId == null || userId.isBlank()) {
      return Set.of();
    }
    return WithoutAuthorization.call(engine, () -> addresses(identity.createUserQuery().userId(userId).list()));
  }

  @Override
  public Set<String> ofGroups(Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String groupId : groupIds) {
      if (groupId != null && !groupId.isBlank()) {
        addresses.addAll(WithoutAuthorization.call(engine,
            () -> addresses(identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())));
      }
    }
    return addresses;
  }

  private static Set<String> addresses(List<User> users) {
    Set<String> addresses = new LinkedHashSet<>();
    for (User user : users) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        addresses.add(user.getEmail().trim());
      }
    }
    return addresses;
  }
}

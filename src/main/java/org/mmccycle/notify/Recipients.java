package org.mmccycle.notify;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.mmccycle.responsibility.WithoutAuthorization;
import org.springframework.stereotype.Component;

/** The e-mail addresses of Camunda users (as set in Camunda Admin): one user, or every member of groups. */
@Component
public class Recipients {

  private final ProcessEngine engine;
  private final IdentityService identityService;

  public Recipients(ProcessEngine engine) {
    this.engine = engine;
    this.identityService = engine.getIdentityService();
  }

  /** The user's address, or nothing when the user does not exist or has none. */
  public Set<String> ofUser(String userId) {
    if (userId == null || userId.isBlank()) {
      return Set.of();
    }
    return WithoutAuthorization.call(engine, () -> addresses(identityService.createUserQuery().userId(userId).list()));
  }

  /** The addresses of every member of the groups, each once. */
  public Set<String> ofGroups(Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String groupId : groupIds) {
      if (groupId != null && !groupId.isBlank()) {
        addresses.addAll(WithoutAuthorization.call(engine,
            () -> addresses(identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())));
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

package org.mmccycle.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling our API (set by {@link ApiAuthenticationFilter}), and what groups they are in. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "log in with HTTP Basic as a Camunda user");
    }
    return authentication.getUserId();
  }

  /** The caller's groups. */
  public List<String> groups() {
    id();
    return identityService.getCurrentAuthentication().getGroupIds();
  }

  /** Refuses with 403 unless the caller is in one of the groups (Camunda admins always are). */
  public void requireAnyGroup(String... groupIds) {
    id();
    var groups = identityService.getCurrentAuthentication().getGroupIds();
    boolean member = groups.contains(MmcGroups.CAMUNDA_ADMIN) || Arrays.stream(groupIds).anyMatch(groups::contains);
    if (!member) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only " + String.join(" or ", groupIds) + " may do this");
    }
  }
}

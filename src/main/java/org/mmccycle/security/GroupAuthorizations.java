package org.mmccycle.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.mmccycle.security.MmcGroups.ANALYSTS;
import static org.mmccycle.security.MmcGroups.PROCESS_OWNERS;
import static org.mmccycle.security.MmcGroups.SERVICE_MANAGERS;
import static org.mmccycle.security.MmcGroups.TECHNICIANS;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The groups and what each may do, created once at start-up (idempotent). Technicians work on the
 * tasks they are candidates for (the engine grants that per task); service managers also start
 * and see every cycle; process owners watch in Cockpit; analysts deploy models.
 */
@Component
public class GroupAuthorizations {

  private static final String ANY = "*";
  private static final Logger LOG = LoggerFactory.getLogger(GroupAuthorizations.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void createGroupsAndAuthorizations() {
    for (String groupId : MmcGroups.ALL) {
      if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
        var group = identityService.newGroup(groupId);
        group.setName(MmcGroups.displayName(groupId));
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
      grant(groupId, APPLICATION, "tasklist", ACCESS);
      grant(groupId, PROCESS_DEFINITION, ANY, READ);
    }
    globalGrant(FILTER, READ);

    grant(SERVICE_MANAGERS, APPLICATION, "cockpit", ACCESS);
    grant(SERVICE_MANAGERS, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY, READ_TASK, UPDATE_TASK);
    grant(SERVICE_MANAGERS, PROCESS_INSTANCE, ANY, CREATE, READ);
    grant(SERVICE_MANAGERS, TASK, ANY, READ, UPDATE);

    grant(PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS);
    grant(PROCESS_OWNERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
    grant(PROCESS_OWNERS, PROCESS_INSTANCE, ANY, READ);
    grant(PROCESS_OWNERS, TASK, ANY, READ);
    grant(PROCESS_OWNERS, DECISION_DEFINITION, ANY, READ);

    grant(ANALYSTS, APPLICATION, "cockpit", ACCESS);
    // analysts deploy and read models; deleting a deployment (with cascade) would delete every running cycle
    grant(ANALYSTS, DEPLOYMENT, ANY, CREATE, READ);
    grant(ANALYSTS, PROCESS_DEFINITION, ANY, READ, READ_HISTORY);
    grant(ANALYSTS, DECISION_DEFINITION, ANY, READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    save(authorization, permissions);
  }

  private void globalGrant(Resource resource, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(ANY).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(Authorization.ANY);
      authorization.setResource(resource);
      authorization.setResourceId(ANY);
    }
    save(authorization, permissions);
  }

  /** Exactly these permissions: what a row grants beyond them (an earlier version's, or added by hand) is revoked, and logged. */
  private void save(Authorization authorization, Permission... permissions) {
    Set<String> wanted = Arrays.stream(permissions).map(Permission::getName).collect(Collectors.toSet());
    Set<String> granted = Arrays.stream(authorization.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType())))
        .map(Permission::getName).filter(name -> !"NONE".equals(name) && !"ALL".equals(name)).collect(Collectors.toSet());
    if (granted.equals(wanted) && authorization.getId() != null) {
      return;
    }
    Set<String> revoked = new TreeSet<>(granted);
    revoked.removeAll(wanted);
    if (!revoked.isEmpty()) {
      LOG.warn("Revoked {} on {} '{}' from {}: MMC Cycle's roles do not include it", revoked,
          authorization.getResourceType(), authorization.getResourceId(),
          authorization.getGroupId() != null ? "group " + authorization.getGroupId() : "everyone");
    }
    authorization.setPermissions(permissions);
    authorizationService.saveAuthorization(authorization);
  }
}

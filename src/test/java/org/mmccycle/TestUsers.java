package org.mmccycle;

import org.camunda.bpm.engine.IdentityService;

/** Users that test data names (a client's technician must be a real user who does visits). */
public final class TestUsers {

  private TestUsers() {}

  /** The user, created in the group with the password "secret-{id}" unless it exists; its id. */
  public static String ensure(IdentityService identity, String id, String group) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      var newGroup = identity.newGroup(group);
      newGroup.setName(group);
      newGroup.setType("WORKFLOW");
      identity.saveGroup(newGroup);
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setPassword("secret-" + id);
      identity.saveUser(user);
    }
    if (identity.createGroupQuery().groupMember(id).groupId(group).count() == 0) {
      identity.createMembership(id, group);
    }
    return id;
  }

  /** The technicians tina and tom that test clients name. */
  public static void technicians(IdentityService identity) {
    ensure(identity, "tina", "technicians");
    ensure(identity, "tom", "technicians");
  }
}

package org.mmccycle.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Demo users, one per role, password "demo": only in the demo profile (no setting turns them on elsewhere). */
@Component
@Profile("demo")
public class DemoUsers {

  public static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("tina", "Tina", "Technician", MmcGroups.TECHNICIANS),
      new DemoUser("tom", "Tom", "Technician", MmcGroups.TECHNICIANS),
      new DemoUser("sam", "Sam", "Service Manager", MmcGroups.SERVICE_MANAGERS),
      new DemoUser("petra", "Petra", "Process Owner", MmcGroups.PROCESS_OWNERS),
      new DemoUser("alex", "Alex", "Analyst", MmcGroups.ANALYSTS));

  private final IdentityService identityService;
  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void createDemoUsers() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      var user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@mmc-cycle.invalid");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group());
    }
    LOG.warn("""

        ************************************************************************
        *  DEMO SETUP: demo users exist, each with the password "demo":
        *    demo (Camunda admin), tina + tom (technicians), sam (service manager),
        *    petra (process owner), alex (analyst).
        *  Never run the demo profile where real client data lives.
        ************************************************************************""");
  }
}

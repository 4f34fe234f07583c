package org.mmccycle.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production: the administrator's password is the one in MMC_ADMIN_PASSWORD on every start, not only
 * the first (Camunda creates the administrator once and then ignores the setting, so a changed
 * password in the environment silently kept the old one working). A change is logged, never the value.
 */
@Component
@Profile("production")
public class ProductionAdministrator {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionAdministrator.class);

  private final ProcessEngine engine;
  private final CamundaBpmProperties properties;

  public ProductionAdministrator(ProcessEngine engine, CamundaBpmProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  public void applyPassword() {
    String id = properties.getAdminUser().getId();
    String password = properties.getAdminUser().getPassword();
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      throw new IllegalStateException("The administrator '" + id + "' was not created: check camunda.bpm.admin-user");
    }
    if (identity.createGroupQuery().groupMember(id).groupId(MmcGroups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(id, MmcGroups.CAMUNDA_ADMIN);
      LOG.warn("The administrator '{}' was not in {} any more: added again", id, MmcGroups.CAMUNDA_ADMIN);
    }
    if (!matches((UserEntity) user, password)) {
      user.setPassword(password);
      identity.saveUser(user);
      LOG.warn("The administrator '{}' now has the password from MMC_ADMIN_PASSWORD (it differed from the stored one)", id);
    }
  }

  /** Compared as Camunda compares at login, but without counting a failed login. */
  private boolean matches(UserEntity user, String password) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
  }
}

package org.mmccycle.security;

import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's users and groups in its own tables, with the lock-out of {@link LoginAttempts} in place of
 * Camunda's (per user, permanent after ten failures). Every door that checks a password — the web
 * apps' login, HTTP Basic on /engine-rest, /api and /actuator — ends here, so one rule holds for all;
 * the address comes from {@link ClientAddress}. A lock Camunda wrote in the user's row before this
 * version is ignored, and cleared at the user's next successful login.
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginAttempts attempts;

  ThrottledIdentityProvider(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  /** Opens one provider per engine command, as Camunda's own factory does. */
  static SessionFactory factory(LoginAttempts attempts) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ThrottledIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ThrottledIdentityProvider(attempts);
      }
    };
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return attempts.pause(user.getId(), ClientAddress.current()).isPresent();
  }

  @Override
  protected void lockUser(UserEntity user) {
    attempts.failed(user.getId(), ClientAddress.current());
  }

  @Override
  protected IdentityOperationResult unlockUser(UserEntity user) {
    attempts.succeeded(user.getId(), ClientAddress.current());
    return super.unlockUser(user);
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    attempts.forget(userId);
    return super.unlockUser(userId);
  }
}

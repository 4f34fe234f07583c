package org.mmccycle.notify;

import java.util.Collection;
import java.util.Set;

/** The e-mail addresses of the firm's users (as set in Camunda Admin): one user, or every member of groups, each once. */
public interface Recipients {

  /** The user's address, or nothing when the user does not exist or has none. */
  Set<String> ofUser(String userId);

  /** The addresses of every member of the groups, each once. */
  Set<String> ofGroups(Collection<String> groupIds);
}

package org.mmccycle.client;

/** Who may be a client's named technician: a user of the firm who does visits. */
public interface Technicians {

  /** Why this user cannot be a client's technician (no such user, or not one who does visits), or null when they can. */
  String problem(String userId);
}

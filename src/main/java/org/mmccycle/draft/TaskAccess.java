package org.mmccycle.draft;

/**
 * Whether the caller may work on an open task: the rule lives with the engine's security
 * ({@code security.TaskAccessRules}); this package only asks.
 */
public interface TaskAccess {

  /** Who is asking, and the task's name. */
  record Caller(String userId, String taskName) {}

  /** The caller, if they may work on the open task; 404 if it is not open or not theirs to see, 403 if someone else holds it. */
  Caller requireMayWorkOn(String taskId);
}

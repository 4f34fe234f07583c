package org.mmccycle.process;

import org.mmccycle.cycle.CycleMonth;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables that the models, forms and delegates share. */
public final class CycleVariables {

  /** Monthly round: the month to open ("yyyy-MM"); empty when the timer fired (then: the current month). */
  public static final String MONTH = "month";
  /** Monthly round: the slugs of the active clients, one client cycle each; a cycle opening: its batch of them. */
  public static final String CLIENT_SLUGS = "clientSlugs";
  /** A cycle opening: the clients of its batch that had been deleted or made inactive since the listing (no cycle). */
  public static final String SKIPPED_CLIENTS = "skippedClients";

  public static final String CLIENT_SLUG = "clientSlug";
  public static final String CLIENT_NAME = "clientName";
  /** The cycle's month, "yyyy-MM"; the deadlines are computed from it. */
  public static final String CYCLE_MONTH = "cycleMonth";
  /** The client's checklist as a Json array of {@link org.mmccycle.checklist.ChecklistItem}. */
  public static final String CHECKLIST_ITEMS = "checklistItems";
  /** The revision this cycle executes; after Revise, the revision to publish. */
  public static final String CHECKLIST_REVISION = "checklistRevision";
  /** The client's latest revision when Revise started: what Revise changes. */
  public static final String BASE_REVISION = "baseRevision";
  /** The base revision's items (all of them, whatever month they are due), for the Revise form. */
  public static final String REVISION_ITEMS = "revisionItems";
  /** The Revise form's full new list of items. */
  public static final String REVISED_ITEMS = "revisedItems";
  /** The planner's proposed visit date ("yyyy-MM-dd") and why. */
  public static final String PROPOSED_VISIT_DATE = "proposedVisitDate";
  public static final String VISIT_PLAN_EXPLANATION = "visitPlanExplanation";
  /** The visit date the scheduler confirmed ("yyyy-MM-dd"). */
  public static final String VISIT_DATE = "visitDate";
  /** A service manager's reason for a date that breaks the spacing rules. */
  public static final String OVERRIDE_REASON = "overrideReason";
  /** The on-site policy: this month's visit must be on site (unless a service manager waives it). */
  public static final String ON_SITE_REQUIRED = "onSiteRequired";
  public static final String ON_SITE_WAIVED = "onSiteWaived";
  /** "on-site" or "remote". */
  public static final String VISIT_MODE = "visitMode";
  public static final String REVISION_SUGGESTIONS = "revisionSuggestions";
  /** File record: the sign-off note. */
  public static final String FILING_NOTE = "filingNote";
  /** Follow up issues: what was done; and the issues it was shown. */
  public static final String FOLLOW_UP_NOTE = "followUpNote";
  public static final String ISSUE_SUMMARY = "issueSummary";
  /** Resolve overdue …, Review unresolved …: what was done about the missed deadline. */
  public static final String RESOLUTION_NOTE = "resolutionNote";
  /** Resolve overdue: what was done besides the note ({@link OverdueActions}), to whom, or by when. */
  public static final String RESOLUTION_ACTION = "resolutionAction";
  public static final String REASSIGN_TO = "reassignTo";
  public static final String NEW_DUE_DATE = "newDueDate";
  /**
   * Resolve overdue …, Review unresolved … (task-local, for its form): the deadline that passed ("Execution"),
   * when it was due (in words, the firm's zone), and the late tasks as a Markdown list: each with who holds
   * it (or that nobody has claimed it) and a link to it in Tasklist.
   */
  public static final String OVERDUE_DEADLINE = "overdueDeadline";
  public static final String OVERDUE_DUE = "overdueDue";
  public static final String OVERDUE_TASKS = "overdueTasks";
  public static final String EXECUTED_BY = "executedBy";
  public static final String EXECUTED_AT = "executedAt";
  public static final String CHECKLIST_CHANGED = "checklistChanged";
  public static final String CHANGE_NOTE = "changeNote";
  /** Publish checklist: "approve" (the default) or "send-back" (back to Revise, with a comment). */
  public static final String PUBLISH_DECISION = "publishDecision";
  public static final String APPROVE = "approve";
  public static final String SEND_BACK = "send-back";
  public static final String SEND_BACK_COMMENT = "sendBackComment";
  /** Publish checklist (task-local): the change against the published revision, and where its PDF is previewed. */
  public static final String REVISION_CHANGES = "revisionChanges";
  public static final String REVISION_PREVIEW = "revisionPreview";
  public static final String PUBLISHED_BY = "publishedBy";
  public static final String PUBLISHED_AT = "publishedAt";
  /** Where the published checklist PDF went. */
  public static final String PUBLISHED_CHECKLIST = "publishedChecklist";
  public static final String FILED_BY = "filedBy";
  public static final String FILED_AT = "filedAt";
  /** Where the filed record PDF went. */
  public static final String FILED_RECORD = "filedRecord";

  public static final String CLIENT_CYCLE_PROCESS = "Process_ClientMaintenanceCycle";
  public static final String MONTHLY_ROUND_PROCESS = "Process_MonthlyMaintenanceRound";
  /** The opening of one batch of clients' cycles, in a job of its own (started by the round). */
  public static final String CLIENT_CYCLE_OPENING_PROCESS = "Process_ClientCycleOpening";
  /** The message that opens a given month by hand (a start event of the monthly round). */
  public static final String OPEN_MONTH_MESSAGE = "OpenMonth";

  private CycleVariables() {}

  /** The cycle's month of an execution or a task of it (variable {@value #CYCLE_MONTH}). */
  public static YearMonth cycleMonth(VariableScope scope) {
    return CycleMonth.parse((String) scope.getVariable(CYCLE_MONTH));
  }
}

package cn.govdata.shared.notify;

import java.util.List;

/**
 * The open deadlines of one module, across all regions, for the daily deadline notices. Each module implements it
 * for its own work (as it does {@link cn.govdata.shared.DueWork} for the workbench), so the notices need no access
 * to the modules' tables.
 */
public interface PendingDeadlines {

    /** The deadlines still open (with a due date) today; never fails because one region lacks a setting. */
    List<Deadline> pending();
}
